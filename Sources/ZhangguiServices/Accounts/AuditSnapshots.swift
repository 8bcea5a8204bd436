internal import ZhangguiCore
internal import ZhangguiStore

/// What the audit log keeps of a user: everything an admin can change, and nothing secret (no password hash,
/// TOTP secret or recovery code).
struct UserSnapshot: Encodable, Equatable {
    let email: String
    let displayName: String
    let disabled: Bool
    let totpEnabled: Bool
    let roles: [String]
    let shops: ScopeSnapshot
    let warehouses: ScopeSnapshot

    init(_ user: UserRecord, roles: [RoleRecord], scope: DataScope) {
        email = user.email
        displayName = user.displayName
        disabled = user.isDisabled
        totpEnabled = user.isTOTPEnabled
        self.roles = roles.map(\.role.name).sorted()
        shops = ScopeSnapshot(scope.shops)
        warehouses = ScopeSnapshot(scope.warehouses)
    }
}

/// A data scope's reach as JSON: `"all"` or a sorted list of ids.
enum ScopeSnapshot: Encodable, Equatable {
    case all
    case only([Int64])

    init(_ reach: DataScope.Reach) {
        switch reach {
        case .all: self = .all
        case .only(let ids): self = .only(ids.sorted())
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .all: try container.encode("all")
        case .only(let ids): try container.encode(ids)
        }
    }
}

/// What the audit log keeps of a role.
struct RoleSnapshot: Encodable {
    let name: String
    let builtIn: String?
    let permissions: [String]

    init(_ role: Role) {
        name = role.name
        builtIn = role.builtIn?.rawValue
        permissions = role.permissions.sorted().map(\.rawValue)
    }
}

/// What the audit log keeps of an API token: never the token or its digest, only the prefix shown to users.
struct TokenSnapshot: Encodable {
    let name: String
    let prefix: String
    let permissions: [String]
    let expiresAt: Int64?
    let revokedAt: Int64?

    init(_ token: APITokenRecord) {
        name = token.name
        prefix = token.prefix
        permissions = token.permissions.sorted().map(\.rawValue)
        expiresAt = token.expiresAt
        revokedAt = token.revokedAt
    }
}
