public import ZhangguiCore
public import ZhangguiStore

extension AccountService {
    /// Defines a custom role from a list of permissions, all held by the principal, and returns its id.
    /// - Throws: ``AccountError`` `.forbidden`, `.invalidInput` for an empty, too long or taken name or no
    ///   permissions.
    public func createRole(name: String, permissions: Set<Permission>, by principal: Principal, now: Int64) throws
        -> Int64
    {
        try principal.require(.usersManage)
        let role: Role
        do {
            role = try Role(customName: name, permissions: permissions)
        } catch {
            switch error {
            case .badName: throw AccountError(.invalidInput, detail: "role name")
            case .nameTaken: throw AccountError(.invalidInput, detail: "role name: taken")
            case .noPermissions: throw AccountError(.invalidInput, detail: "permissions: none given")
            }
        }
        let excess = permissions.subtracting(principal.permissions)
        guard excess.isEmpty else { throw AccountError(.forbidden, detail: "cannot grant \(Permission.list(excess))") }
        do {
            return try database.write { connection in
                let id = try RoleRecords(connection).create(role, companyID: principal.companyID, now: now)
                try AuditLog.record(
                    "role.create",
                    object: .role(id),
                    after: RoleSnapshot(role),
                    by: principal.actor,
                    at: now,
                    in: connection
                )
                return id
            }
        } catch let error as DatabaseError where error.kind == .uniqueViolation {
            throw AccountError(.invalidInput, detail: "role name: taken")
        }
    }

    /// The company's roles, built-in ones first, each with what it allows.
    /// - Throws: ``AccountError`` `.forbidden` without `users.manage`.
    public func roles(by principal: Principal) throws -> [RoleRecord] {
        try principal.require(.usersManage)
        return try database.read { try RoleRecords($0).roles(companyID: principal.companyID) }
    }
}
