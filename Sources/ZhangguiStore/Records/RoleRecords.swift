public import ZhangguiCore

/// A role of a company with its id.
public struct RoleRecord: Sendable, Hashable {
    public let id: Int64
    public let companyID: Int64
    public let role: Role
}

/// Queries about roles and which users hold them; each takes the company and filters on it.
public struct RoleRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Adds the built-in roles to a new company and returns their ids.
    public func createBuiltInRoles(companyID: Int64, now: Int64) throws -> [BuiltInRole: Int64] {
        var ids: [BuiltInRole: Int64] = [:]
        for role in BuiltInRole.allCases {
            let row = try connection.queryOne(
                "INSERT INTO roles (company_id, name, built_in, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                companyID,
                role.chineseName,
                role.rawValue,
                now
            )
            ids[role] = row?.int(0) ?? 0
        }
        return ids
    }

    /// Adds a custom role and returns its id.
    /// - Throws: ``DatabaseError`` of kind `uniqueViolation` when the company has a role of that name.
    public func create(_ role: Role, companyID: Int64, now: Int64) throws -> Int64 {
        let row = try connection.queryOne(
            "INSERT INTO roles (company_id, name, created_at) VALUES (?, ?, ?) RETURNING id",
            companyID,
            role.name,
            now
        )
        let id = row?.int(0) ?? 0
        for permission in role.permissions.sorted() {
            try connection.execute(
                "INSERT INTO role_permissions (company_id, role_id, permission) VALUES (?, ?, ?)",
                companyID,
                id,
                permission.rawValue
            )
        }
        return id
    }

    /// The company's role `id`, or nil.
    public func role(id: Int64, companyID: Int64) throws -> RoleRecord? {
        try load("WHERE r.company_id = ? AND r.id = ?", [companyID, id]).first
    }

    /// The company's roles, built-in ones first.
    public func roles(companyID: Int64) throws -> [RoleRecord] {
        try load("WHERE r.company_id = ?", [companyID])
    }

    /// The roles a user holds.
    public func roles(userID: Int64, companyID: Int64) throws -> [RoleRecord] {
        try load(
            "WHERE r.company_id = ? AND r.id IN (SELECT role_id FROM user_roles WHERE user_id = ? AND company_id = ?)",
            [companyID, userID, companyID]
        )
    }

    /// Replaces the roles a user holds.
    public func setRoles(_ roleIDs: [Int64], userID: Int64, companyID: Int64) throws {
        try connection.execute("DELETE FROM user_roles WHERE user_id = ? AND company_id = ?", userID, companyID)
        for roleID in Set(roleIDs).sorted() {
            try connection.execute(
                "INSERT INTO user_roles (company_id, user_id, role_id) VALUES (?, ?, ?)",
                companyID,
                userID,
                roleID
            )
        }
    }

    /// How many users of the company hold the built-in admin role and are not disabled.
    public func enabledAdmins(companyID: Int64) throws -> Int {
        let row = try connection.queryOne(
            """
            SELECT COUNT(DISTINCT u.id) FROM users u
            JOIN user_roles ur ON ur.user_id = u.id AND ur.company_id = u.company_id
            JOIN roles r ON r.id = ur.role_id AND r.company_id = u.company_id
            WHERE u.company_id = ? AND u.disabled = 0 AND r.built_in = 'admin'
            """,
            companyID
        )
        return Int(row?.int(0) ?? 0)
    }

    private func load(_ condition: String, _ arguments: [Int64]) throws -> [RoleRecord] {
        let rows = try connection.query(
            """
            SELECT r.id, r.company_id, r.name, r.built_in, p.permission
            FROM roles r LEFT JOIN role_permissions p ON p.role_id = r.id AND p.company_id = r.company_id
            \(condition)
            ORDER BY r.built_in IS NULL, r.id, p.permission
            """,
            arguments
        )
        var records: [RoleRecord] = []
        var current: (id: Int64, companyID: Int64, name: String, builtIn: String?, permissions: Set<Permission>)?
        func flush() {
            guard let role = current else { return }
            let builtIn = role.builtIn.flatMap(BuiltInRole.init(rawValue:))
            records.append(
                RoleRecord(
                    id: role.id,
                    companyID: role.companyID,
                    role: Role(storedName: role.name, permissions: role.permissions, builtIn: builtIn)
                )
            )
        }
        for row in rows {
            if current?.id != row.int(0) {
                flush()
                current = (row.int(0), row.int(1), row.string(2), row.optionalString(3), [])
            }
            // Known limitation: a permission name this build does not know (written by a newer release) is left
            // out, which can only narrow what the role allows.
            if let name = row.optionalString(4), let permission = Permission(rawValue: name) {
                current?.permissions.insert(permission)
            }
        }
        flush()
        return records
    }
}
