public import ZhangguiCore
internal import ZhangguiSecurity
public import ZhangguiStore

/// What registering a company needs.
public struct Registration: Sendable {
    public var companyName: String
    public var adminEmail: String
    public var adminPassword: String
    /// The admin's name as shown to colleagues; the email when empty.
    public var adminName: String
    /// IANA time zone of the company's business days.
    public var timeZone: String

    public init(
        companyName: String,
        adminEmail: String,
        adminPassword: String,
        adminName: String = "",
        timeZone: String = "Asia/Shanghai"
    ) {
        self.companyName = companyName
        self.adminEmail = adminEmail
        self.adminPassword = adminPassword
        self.adminName = adminName
        self.timeZone = timeZone
    }
}

/// A company just registered, with its first admin.
public struct RegisteredCompany: Sendable, Hashable {
    public let companyID: Int64
    public let adminUserID: Int64
    /// The ids of the company's built-in roles.
    public let roleIDs: [BuiltInRole: Int64]
}

/// Companies, users, roles, sign-in with two factors, sessions and API tokens, each change written to the audit
/// log in its own transaction.
///
/// Every operation on existing data takes a ``Principal`` and works inside the principal's company only: an id from
/// another company is "not found". Times are UTC seconds passed in by the caller, never read from the clock here.
public struct AccountService: Sendable {
    let database: any Database
    public let policy: AccountPolicy

    public init(database: any Database, policy: AccountPolicy = AccountPolicy()) {
        self.database = database
        self.policy = policy
    }

    /// Creates a company (standard plan: warehouse MAIN, default settings), its built-in roles and its first user,
    /// who holds the admin role and sees every shop and warehouse, all in one transaction.
    /// - Throws: ``AccountError`` for a bad email or weak password or a taken email, ``SetupError`` for an unknown
    ///   time zone or an empty company name; nothing is created then.
    public func registerCompany(_ registration: Registration, now: Int64) throws -> RegisteredCompany {
        let email = try Self.validEmail(registration.adminEmail)
        let name = try Self.validName(registration.adminName.trimmed.isEmpty ? email : registration.adminName)
        let hash = try newPasswordHash(registration.adminPassword)
        return try mappingEmailTaken {
            try database.write { connection in
                let companyID = try CompanySetup.createStandardCompany(
                    name: registration.companyName,
                    timeZone: registration.timeZone,
                    in: connection
                )
                let roleIDs = try RoleRecords(connection).createBuiltInRoles(companyID: companyID, now: now)
                let userID = try UserRecords(connection).insert(
                    email: email,
                    passwordHash: hash,
                    displayName: name,
                    scope: .everything,
                    companyID: companyID,
                    now: now
                )
                try RoleRecords(connection).setRoles([roleIDs[.admin] ?? 0], userID: userID, companyID: companyID)
                try auditRegistration(registration, companyID: companyID, adminID: userID, now: now, in: connection)
                return RegisteredCompany(companyID: companyID, adminUserID: userID, roleIDs: roleIDs)
            }
        }
    }

    /// Records the new company and its admin, both as done by the admin.
    private func auditRegistration(
        _ registration: Registration,
        companyID: Int64,
        adminID: Int64,
        now: Int64,
        in connection: any DatabaseConnection
    ) throws {
        let actor = AuditActor(companyID: companyID, userID: adminID)
        try AuditLog.record(
            "company.register",
            object: .company(companyID),
            after: ["name": registration.companyName.trimmed, "timeZone": registration.timeZone],
            by: actor,
            at: now,
            in: connection
        )
        try AuditLog.record(
            "user.create",
            object: .user(adminID),
            after: try snapshot(userID: adminID, companyID: companyID, in: connection),
            by: actor,
            at: now,
            in: connection
        )
    }

    // MARK: - Shared steps

    /// The Argon2id hash of an acceptable new password.
    /// - Throws: ``AccountError`` `.weakPassword` when it is shorter than the policy's minimum or over 1,024 bytes.
    func newPasswordHash(_ password: String) throws -> String {
        guard !password.isEmpty, password.count >= policy.minimumPasswordLength else {
            throw AccountError(.weakPassword, detail: "must have at least \(policy.minimumPasswordLength) characters")
        }
        guard password.utf8.count <= PasswordHasher.maximumPasswordBytes else {
            throw AccountError(.weakPassword, detail: "must have at most \(PasswordHasher.maximumPasswordBytes) bytes")
        }
        return try policy.hasher.hash(password)
    }

    /// The state of a user as the audit log keeps it.
    func snapshot(userID: Int64, companyID: Int64, in connection: any DatabaseConnection) throws -> UserSnapshot? {
        guard let user = try UserRecords(connection).user(id: userID, companyID: companyID) else { return nil }
        return UserSnapshot(
            user,
            roles: try RoleRecords(connection).roles(userID: userID, companyID: companyID),
            scope: try UserRecords(connection).scope(userID: userID, companyID: companyID)
        )
    }

    /// What a user may do: the union of their roles' permissions.
    func permissions(userID: Int64, companyID: Int64, in connection: any DatabaseConnection) throws -> Set<Permission> {
        try RoleRecords(connection).roles(userID: userID, companyID: companyID)
            .reduce(into: Set<Permission>()) { $0.formUnion($1.role.permissions) }
    }

    /// Runs `body`, turning the database's refusal of a second account with the same email into `.emailTaken`.
    func mappingEmailTaken<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.kind == .uniqueViolation {
            throw AccountError(.emailTaken)
        }
    }

    /// Emails are compared in lower case, without surrounding spaces.
    static func normalizedEmail(_ email: String) -> String {
        email.trimmed.lowercased()
    }

    /// The normalised email if it is plausibly an address: one `@` between a local part of at most 64 and a
    /// domain with a dot, 254 characters at most, no spaces or control characters.
    static func validEmail(_ email: String) throws(AccountError) -> String {
        let normalized = normalizedEmail(email)
        let parts = normalized.split(separator: "@", omittingEmptySubsequences: false)
        guard normalized.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64,
            parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !normalized.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
        else { throw AccountError(.invalidInput, detail: "email") }
        return normalized
    }

    /// A trimmed display or token name of 1 to 100 characters.
    static func validName(_ name: String, field: String = "name") throws(AccountError) -> String {
        let trimmed = name.trimmed
        guard !trimmed.isEmpty, trimmed.count <= 100 else { throw AccountError(.invalidInput, detail: field) }
        return trimmed
    }
}
