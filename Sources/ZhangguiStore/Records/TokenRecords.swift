public import ZhangguiCore

/// An API token as stored: its digest, never the token.
public struct APITokenRecord: Sendable, Hashable {
    public let id: Int64
    public let companyID: Int64
    /// The first characters of the token, shown so people can tell their tokens apart.
    public let prefix: String
    public let name: String
    /// What the token may do; empty when the stored list names a permission this build does not know.
    public let permissions: Set<Permission>
    /// The user who created the token, and on whose behalf it acts.
    public let createdBy: Int64
    public let createdAt: Int64
    public let expiresAt: Int64?
    public let revokedAt: Int64?
    public let lastUsedAt: Int64?
}

/// Queries about API tokens.
public struct TokenRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    private static let columns = """
        id, company_id, prefix, name, permissions, created_by, created_at, expires_at, revoked_at, last_used_at
        """

    /// Stores a token by its digest and returns its id.
    public func insert(
        hash: String,
        prefix: String,
        name: String,
        permissions: Set<Permission>,
        createdBy: Int64,
        expiresAt: Int64?,
        companyID: Int64,
        now: Int64
    ) throws -> Int64 {
        let row = try connection.queryOne(
            """
            INSERT INTO api_tokens
                (company_id, token_hash, prefix, name, permissions, created_by, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            companyID,
            hash,
            prefix,
            name,
            Permission.list(permissions),
            createdBy,
            now,
            expiresAt
        )
        return row?.int(0) ?? 0
    }

    /// The token whose digest is `hash`, in whatever company: the digest is the credential.
    public func token(hash: String) throws -> APITokenRecord? {
        try connection.queryOne("SELECT \(Self.columns) FROM api_tokens WHERE token_hash = ?", hash).map(Self.record)
    }

    /// The company's token `id`, or nil.
    public func token(id: Int64, companyID: Int64) throws -> APITokenRecord? {
        try connection.queryOne("SELECT \(Self.columns) FROM api_tokens WHERE id = ? AND company_id = ?", id, companyID)
            .map(Self.record)
    }

    /// The company's tokens, newest first; only those `createdBy` made when it is given.
    public func tokens(companyID: Int64, createdBy: Int64? = nil) throws -> [APITokenRecord] {
        let order = "ORDER BY id DESC"
        guard let createdBy else {
            return try connection.query(
                "SELECT \(Self.columns) FROM api_tokens WHERE company_id = ? \(order)",
                companyID
            )
            .map(Self.record)
        }
        return try connection.query(
            "SELECT \(Self.columns) FROM api_tokens WHERE company_id = ? AND created_by = ? \(order)",
            companyID,
            createdBy
        ).map(Self.record)
    }

    /// Revokes a token; returns whether it was still active.
    public func revoke(id: Int64, companyID: Int64, now: Int64) throws -> Bool {
        try connection.execute(
            "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND company_id = ? AND revoked_at IS NULL",
            now,
            id,
            companyID
        ) == 1
    }

    /// Records that the token was used at `now`.
    public func touch(id: Int64, now: Int64) throws {
        try connection.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now, id)
    }

    static func record(_ row: Row) -> APITokenRecord {
        APITokenRecord(
            id: row.int(0),
            companyID: row.int(1),
            prefix: row.string(2),
            name: row.string(3),
            permissions: Permission.parse(list: row.string(4)) ?? [],
            createdBy: row.int(5),
            createdAt: row.int(6),
            expiresAt: row.optionalInt(7),
            revokedAt: row.optionalInt(8),
            lastUsedAt: row.optionalInt(9)
        )
    }
}
