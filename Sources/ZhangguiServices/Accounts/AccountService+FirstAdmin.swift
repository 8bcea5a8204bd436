public import ZhangguiCore
internal import ZhangguiSecurity
public import ZhangguiStore

extension AccountService {
    /// Gives a company made without accounts (by `zhanggui init` or the demo) its built-in roles and a first admin who
    /// sees every shop and warehouse, in one transaction, recorded in the audit log as done by that admin.
    /// - Throws: ``AccountError`` `.notFound` for an unknown company, `.forbidden` when the company has users already
    ///   (an admin adds more), `.invalidInput`, `.weakPassword` or `.emailTaken`; nothing is written then.
    public func createFirstAdmin(
        companyID: Int64,
        email: String,
        password: String,
        name: String = "",
        now: Int64
    ) throws -> Int64 {
        let normalized = try Self.validEmail(email)
        let displayName = try Self.validName(name.trimmed.isEmpty ? normalized : name)
        let hash = try newPasswordHash(password)
        return try mappingEmailTaken {
            try database.write { connection in
                guard try CompanyRecords(connection).company(companyID) != nil else {
                    throw AccountError(.notFound, detail: "company \(companyID)")
                }
                guard try UserRecords(connection).users(companyID: companyID).isEmpty else {
                    throw AccountError(.forbidden, detail: "the company has users already; an admin adds more")
                }
                let roles = RoleRecords(connection)
                let existing = try roles.roles(companyID: companyID)
                let adminRoleID =
                    if existing.isEmpty {
                        try roles.createBuiltInRoles(companyID: companyID, now: now)[.admin] ?? 0
                    } else {
                        existing.first { $0.role.builtIn == .admin }?.id ?? 0
                    }
                guard adminRoleID != 0 else { throw AccountError(.notFound, detail: "the company's admin role") }
                let userID = try UserRecords(connection).insert(
                    email: normalized,
                    passwordHash: hash,
                    displayName: displayName,
                    scope: .everything,
                    companyID: companyID,
                    now: now
                )
                try roles.setRoles([adminRoleID], userID: userID, companyID: companyID)
                try AuditLog.record(
                    "user.create",
                    object: .user(userID),
                    after: try snapshot(userID: userID, companyID: companyID, in: connection),
                    by: AuditActor(companyID: companyID, userID: userID),
                    at: now,
                    in: connection
                )
                return userID
            }
        }
    }
}

extension AccountService {
    /// A new random password of 16 characters (96 bits, base64url), for an account whose owner will change it.
    public static func generatedPassword() throws -> String {
        try SecureRandom.token(byteCount: 12)
    }
}
