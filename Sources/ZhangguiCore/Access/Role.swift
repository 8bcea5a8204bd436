/// The roles every company starts with. Their permissions are defined here, in code, so a release that adds a
/// permission updates every company's built-in roles without a data migration.
public enum BuiltInRole: String, Sendable, Hashable, CaseIterable {
    /// 管理员: everything, including users, roles and settings.
    case admin
    /// 财务: the books and the audit log, reading orders, stock and catalogue to explain them.
    case finance
    /// 仓储: stock and fulfilment (allocate, waybill, ship) and imports.
    case warehouse
    /// 客服: reviewing orders (approve, hold, release) with the catalogue and stock to answer buyers.
    case customerService

    /// The name shown to users in Chinese.
    public var chineseName: String {
        switch self {
        case .admin: "管理员"
        case .finance: "财务"
        case .warehouse: "仓储"
        case .customerService: "客服"
        }
    }

    /// What the role allows.
    public var permissions: Set<Permission> {
        switch self {
        case .admin: Set(Permission.allCases)
        case .finance: [.booksRead, .ordersRead, .stockRead, .catalogueRead, .auditRead]
        case .warehouse:
            [.stockRead, .stockWrite, .ordersRead, .ordersFulfil, .catalogueRead, .importsRun, .alertsRead]
        case .customerService: [.ordersRead, .ordersReview, .catalogueRead, .stockRead, .alertsRead]
        }
    }
}

/// A named set of permissions given to users: one of the built-in roles, or a custom one a company defines.
public struct Role: Sendable, Hashable {
    /// The most characters a role name may have.
    public static let maximumNameLength = 64

    public let name: String
    public let permissions: Set<Permission>
    /// Which built-in role this is, nil for a custom role.
    public let builtIn: BuiltInRole?

    /// The built-in role `role`, named in Chinese.
    public init(_ role: BuiltInRole) {
        name = role.chineseName
        permissions = role.permissions
        builtIn = role
    }

    /// A custom role.
    /// - Throws: ``RoleError`` when the name is empty, too long or a built-in role's, or no permission is given.
    public init(customName name: String, permissions: Set<Permission>) throws(RoleError) {
        let trimmed = name.trimmed
        guard !trimmed.isEmpty, trimmed.count <= Self.maximumNameLength else { throw RoleError.badName }
        let reserved = BuiltInRole.allCases.flatMap { [$0.chineseName, $0.rawValue] }
        guard !reserved.contains(trimmed) else { throw RoleError.nameTaken }
        guard !permissions.isEmpty else { throw RoleError.noPermissions }
        self.name = trimmed
        self.permissions = permissions
        builtIn = nil
    }

    /// A role as stored, trusted to have been validated when it was made.
    public init(storedName name: String, permissions: Set<Permission>, builtIn: BuiltInRole?) {
        self.name = name
        self.permissions = builtIn?.permissions ?? permissions
        self.builtIn = builtIn
    }
}

/// Why a custom role cannot be made.
public enum RoleError: Error, Sendable, Equatable {
    /// The name is empty or longer than ``Role/maximumNameLength`` characters.
    case badName
    /// Another role of the company, or a built-in one, has that name.
    case nameTaken
    /// A role must allow something.
    case noPermissions
}
