public import ZhangguiCore
internal import ZhangguiSecurity
internal import ZhangguiStore

/// A user to add to the company.
public struct NewUser: Sendable {
    public var email: String
    public var displayName: String
    /// The first password, which the admin passes on; the user should change it.
    public var password: String
    public var roleIDs: [Int64]
    public var scope: DataScope

    public init(email: String, displayName: String, password: String, roleIDs: [Int64], scope: DataScope) {
        self.email = email
        self.displayName = displayName
        self.password = password
        self.roleIDs = roleIDs
        self.scope = scope
    }
}

/// A user as an admin sees them: no password hash, secret or code.
public struct UserSummary: Sendable, Hashable {
    public let id: Int64
    public let email: String
    public let displayName: String
    public let isDisabled: Bool
    public let isTOTPEnabled: Bool
    public let roleIDs: [Int64]
    public let scope: DataScope
}

/// Managing users needs `users.manage`, and never lets anyone hand out more than they hold: the roles given or
/// taken away and the user managed may carry only permissions the manager has, and data scopes only what the
/// manager's scope covers. The company always keeps an enabled admin.
extension AccountService {
    /// Adds a user with roles and a data scope, and returns their id.
    /// - Throws: ``AccountError`` `.forbidden`, `.notFound` for a role, shop or warehouse of another company,
    ///   `.invalidInput`, `.weakPassword`, `.emailTaken`.
    public func createUser(_ new: NewUser, by principal: Principal, now: Int64) throws -> Int64 {
        try principal.require(.usersManage)
        let email = try Self.validEmail(new.email)
        let name = try Self.validName(new.displayName.trimmed.isEmpty ? email : new.displayName, field: "displayName")
        let hash = try newPasswordHash(new.password)
        return try mappingEmailTaken {
            try database.write { connection in
                try checkGrant(roleIDs: new.roleIDs, scope: new.scope, by: principal, in: connection)
                let userID = try UserRecords(connection).insert(
                    email: email,
                    passwordHash: hash,
                    displayName: name,
                    scope: new.scope,
                    companyID: principal.companyID,
                    now: now
                )
                try RoleRecords(connection).setRoles(new.roleIDs, userID: userID, companyID: principal.companyID)
                try AuditLog.record(
                    "user.create",
                    object: .user(userID),
                    after: try snapshot(userID: userID, companyID: principal.companyID, in: connection),
                    by: principal.actor,
                    at: now,
                    in: connection
                )
                return userID
            }
        }
    }

    /// Disables a user: they cannot sign in, their sessions end and their API tokens stop working.
    /// - Throws: ``AccountError`` `.forbidden` (also for disabling oneself), `.notFound`, `.lastAdmin`.
    public func disableUser(id userID: Int64, by principal: Principal, now: Int64) throws {
        try principal.require(.usersManage)
        guard userID != principal.userID else { throw AccountError(.forbidden, detail: "cannot disable yourself") }
        try changeUser(userID, action: "user.disable", by: principal, now: now) { connection in
            try UserRecords(connection).disable(userID: userID, companyID: principal.companyID)
            try SessionRecords(connection).revokeAll(userID: userID, companyID: principal.companyID, now: now)
        }
    }

    /// Replaces the roles a user holds.
    /// - Throws: ``AccountError`` `.forbidden`, `.notFound`, `.lastAdmin`.
    public func assignRoles(_ roleIDs: [Int64], toUser userID: Int64, by principal: Principal, now: Int64) throws {
        try principal.require(.usersManage)
        try changeUser(userID, action: "user.assignRoles", by: principal, now: now) { connection in
            try checkGrant(roleIDs: roleIDs, scope: nil, by: principal, in: connection)
            try RoleRecords(connection).setRoles(roleIDs, userID: userID, companyID: principal.companyID)
        }
    }

    /// Replaces a user's data scope.
    /// - Throws: ``AccountError`` `.forbidden`, `.notFound`.
    public func setScope(_ scope: DataScope, forUser userID: Int64, by principal: Principal, now: Int64) throws {
        try principal.require(.usersManage)
        try changeUser(userID, action: "user.setScope", by: principal, now: now) { connection in
            try checkGrant(roleIDs: [], scope: scope, by: principal, in: connection)
            try UserRecords(connection).setScope(scope, userID: userID, companyID: principal.companyID)
        }
    }

    /// The company's users by email.
    /// - Throws: ``AccountError`` `.forbidden` without `users.manage`.
    public func users(by principal: Principal) throws -> [UserSummary] {
        try principal.require(.usersManage)
        return try database.read { connection in
            let users = UserRecords(connection)
            return try users.users(companyID: principal.companyID).map { user in
                UserSummary(
                    id: user.id,
                    email: user.email,
                    displayName: user.displayName,
                    isDisabled: user.isDisabled,
                    isTOTPEnabled: user.isTOTPEnabled,
                    roleIDs: try RoleRecords(connection).roles(userID: user.id, companyID: user.companyID).map(\.id),
                    scope: try users.scope(userID: user.id, companyID: user.companyID)
                )
            }
        }
    }

    /// Applies `change` to a user the principal may manage, in one transaction with its audit entry, and refuses
    /// it if the company would be left without an enabled admin.
    private func changeUser(
        _ userID: Int64,
        action: String,
        by principal: Principal,
        now: Int64,
        _ change: (any DatabaseConnection) throws -> Void
    ) throws {
        try database.write { connection in
            guard let before = try snapshot(userID: userID, companyID: principal.companyID, in: connection) else {
                throw AccountError(.notFound, detail: "user \(userID)")
            }
            let held = try permissions(userID: userID, companyID: principal.companyID, in: connection)
            let excess = held.subtracting(principal.permissions)
            guard excess.isEmpty else {
                throw AccountError(.forbidden, detail: "the user holds \(Permission.list(excess))")
            }
            try change(connection)
            guard try RoleRecords(connection).enabledAdmins(companyID: principal.companyID) > 0 else {
                throw AccountError(.lastAdmin)
            }
            try AuditLog.record(
                action,
                object: .user(userID),
                before: before,
                after: try snapshot(userID: userID, companyID: principal.companyID, in: connection),
                by: principal.actor,
                at: now,
                in: connection
            )
        }
    }

    /// Refuses roles or scope ids outside the principal's company, and grants beyond what the principal holds.
    private func checkGrant(
        roleIDs: [Int64],
        scope: DataScope?,
        by principal: Principal,
        in connection: any DatabaseConnection
    ) throws {
        let roles = RoleRecords(connection)
        var granted: Set<Permission> = []
        for roleID in roleIDs {
            guard let record = try roles.role(id: roleID, companyID: principal.companyID) else {
                throw AccountError(.notFound, detail: "role \(roleID)")
            }
            granted.formUnion(record.role.permissions)
        }
        let excess = granted.subtracting(principal.permissions)
        guard excess.isEmpty else {
            throw AccountError(.forbidden, detail: "cannot grant \(Permission.list(excess))")
        }
        guard let scope else { return }
        let users = UserRecords(connection)
        let unknownShops = try users.unknownShops(scope.shops.ids ?? [], companyID: principal.companyID)
        let unknownWarehouses = try users.unknownWarehouses(scope.warehouses.ids ?? [], companyID: principal.companyID)
        if let shop = unknownShops.min() { throw AccountError(.notFound, detail: "shop \(shop)") }
        if let warehouse = unknownWarehouses.min() { throw AccountError(.notFound, detail: "warehouse \(warehouse)") }
        guard principal.scope.covers(scope) else {
            throw AccountError(.forbidden, detail: "cannot grant a data scope wider than your own")
        }
    }
}
