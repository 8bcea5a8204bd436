public import ZhangguiCore

/// A user as stored: who they are, how they sign in, whether they may.
public struct UserRecord: Sendable, Hashable {
    public let id: Int64
    public let companyID: Int64
    /// Lower case, unique across all companies.
    public let email: String
    /// The Argon2id encoded hash; never leaves the services layer.
    public let passwordHash: String
    public let displayName: String
    /// The TOTP secret in base32, set from the start of enrolment; nil when the user never enrolled.
    public let totpSecret: String?
    public let isTOTPEnabled: Bool
    /// The time step of the last TOTP code accepted, so the same code is refused a second time.
    public let totpLastCounter: Int64?
    public let isDisabled: Bool
    public let passwordChangedAt: Int64
    public let createdAt: Int64
}

/// Queries about users. Every function but the sign-in lookup by email takes the company and filters on it, so an
/// id from another company reads as "no such user".
public struct UserRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    private static let columns = """
        id, company_id, email, password_hash, display_name, totp_secret, totp_enabled, totp_last_counter, disabled,
        password_changed_at, created_at
        """

    /// Adds a user with the data scope `scope` and returns their id.
    /// - Throws: ``DatabaseError`` of kind `uniqueViolation` when the email is taken, in any company.
    public func insert(
        email: String,
        passwordHash: String,
        displayName: String,
        scope: DataScope,
        companyID: Int64,
        now: Int64
    ) throws -> Int64 {
        let row = try connection.queryOne(
            """
            INSERT INTO users (company_id, email, password_hash, display_name, password_changed_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id
            """,
            companyID,
            email,
            passwordHash,
            displayName,
            now,
            now
        )
        let id = row?.int(0) ?? 0
        try setScope(scope, userID: id, companyID: companyID)
        return id
    }

    /// The user `id` of the company, or nil.
    public func user(id: Int64, companyID: Int64) throws -> UserRecord? {
        try connection.queryOne("SELECT \(Self.columns) FROM users WHERE id = ? AND company_id = ?", id, companyID)
            .map(Self.record)
    }

    /// The user signing in with `email`, whatever their company: emails are unique across companies, and the
    /// company is what this lookup finds out. Only sign-in may use it.
    public func user(signingInAs email: String) throws -> UserRecord? {
        try connection.queryOne("SELECT \(Self.columns) FROM users WHERE email = ?", email).map(Self.record)
    }

    /// The company's users by email.
    public func users(companyID: Int64) throws -> [UserRecord] {
        try connection.query("SELECT \(Self.columns) FROM users WHERE company_id = ? ORDER BY email", companyID)
            .map(Self.record)
    }

    /// Replaces the password hash only if it is still `expected`, so of two changes racing only one wins, and a
    /// rehash after sign-in cannot undo a change made meanwhile. `changedAt` stamps a new password; a rehash of the
    /// same password leaves it nil. Returns whether the hash was replaced.
    public func replacePasswordHash(
        _ expected: String,
        with hash: String,
        changedAt: Int64?,
        userID: Int64,
        companyID: Int64
    ) throws -> Bool {
        try connection.execute(
            """
            UPDATE users SET password_hash = ?, password_changed_at = COALESCE(?, password_changed_at)
            WHERE id = ? AND company_id = ? AND password_hash = ?
            """,
            hash,
            changedAt,
            userID,
            companyID,
            expected
        ) == 1
    }

    /// Disables the user; a disabled user cannot sign in and their sessions and tokens stop working.
    public func disable(userID: Int64, companyID: Int64) throws {
        try connection.execute("UPDATE users SET disabled = 1 WHERE id = ? AND company_id = ?", userID, companyID)
    }

    /// The user's data scope. With no flag and no listed id, a user sees no shop or warehouse: the default is closed.
    public func scope(userID: Int64, companyID: Int64) throws -> DataScope {
        guard
            let flags = try connection.queryOne(
                "SELECT all_shops, all_warehouses FROM users WHERE id = ? AND company_id = ?",
                userID,
                companyID
            )
        else { return DataScope(shops: .only([]), warehouses: .only([])) }
        var shops: Set<Int64> = []
        var warehouses: Set<Int64> = []
        let rows = try connection.query(
            "SELECT kind, object_id FROM user_scopes WHERE user_id = ? AND company_id = ?",
            userID,
            companyID
        )
        for row in rows {
            if row.string(0) == "shop" { shops.insert(row.int(1)) } else { warehouses.insert(row.int(1)) }
        }
        return DataScope(
            shops: flags.bool(0) ? .all : .only(shops),
            warehouses: flags.bool(1) ? .all : .only(warehouses)
        )
    }

    /// Replaces the user's data scope.
    public func setScope(_ scope: DataScope, userID: Int64, companyID: Int64) throws {
        try connection.execute(
            "UPDATE users SET all_shops = ?, all_warehouses = ? WHERE id = ? AND company_id = ?",
            scope.shops == .all,
            scope.warehouses == .all,
            userID,
            companyID
        )
        try connection.execute("DELETE FROM user_scopes WHERE user_id = ? AND company_id = ?", userID, companyID)
        let listed =
            (scope.shops.ids ?? []).map { ("shop", $0) } + (scope.warehouses.ids ?? []).map { ("warehouse", $0) }
        for (kind, id) in listed.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            try connection.execute(
                "INSERT INTO user_scopes (company_id, user_id, kind, object_id) VALUES (?, ?, ?, ?)",
                companyID,
                userID,
                kind,
                id
            )
        }
    }

    /// Which of `ids` are not shops of the company.
    public func unknownShops(_ ids: Set<Int64>, companyID: Int64) throws -> Set<Int64> {
        try unknown(ids, table: "shops", companyID: companyID)
    }

    /// Which of `ids` are not warehouses of the company.
    public func unknownWarehouses(_ ids: Set<Int64>, companyID: Int64) throws -> Set<Int64> {
        try unknown(ids, table: "warehouses", companyID: companyID)
    }

    private func unknown(_ ids: Set<Int64>, table: String, companyID: Int64) throws -> Set<Int64> {
        var missing: Set<Int64> = []
        for id in ids
        where try connection.queryOne(
            "SELECT 1 FROM \(table) WHERE id = ? AND company_id = ?",
            id,
            companyID
        ) == nil {
            missing.insert(id)
        }
        return missing
    }

    static func record(_ row: Row) -> UserRecord {
        UserRecord(
            id: row.int(0),
            companyID: row.int(1),
            email: row.string(2),
            passwordHash: row.string(3),
            displayName: row.string(4),
            totpSecret: row.optionalString(5),
            isTOTPEnabled: row.bool(6),
            totpLastCounter: row.optionalInt(7),
            isDisabled: row.bool(8),
            passwordChangedAt: row.int(9),
            createdAt: row.int(10)
        )
    }
}
