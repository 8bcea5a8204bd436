/// A signed-in session as stored. The token in the user's cookie is not stored; `id` is its SHA-256.
public struct SessionRecord: Sendable, Hashable {
    public let id: String
    public let companyID: Int64
    public let userID: Int64
    public let createdAt: Int64
    /// The absolute end, fixed at sign-in.
    public let expiresAt: Int64
    public let lastSeenAt: Int64
    public let revokedAt: Int64?
    /// SHA-256 of the session's anti-CSRF token.
    public let csrfTokenHash: String
    /// The network address the session signed in from.
    public let address: String

    public init(
        id: String,
        companyID: Int64,
        userID: Int64,
        createdAt: Int64,
        expiresAt: Int64,
        lastSeenAt: Int64,
        revokedAt: Int64?,
        csrfTokenHash: String,
        address: String
    ) {
        self.id = id
        self.companyID = companyID
        self.userID = userID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastSeenAt = lastSeenAt
        self.revokedAt = revokedAt
        self.csrfTokenHash = csrfTokenHash
        self.address = address
    }
}

/// Queries about sessions.
public struct SessionRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Stores a new session.
    public func insert(_ session: SessionRecord) throws {
        try connection.execute(
            """
            INSERT INTO sessions
                (id, company_id, user_id, created_at, expires_at, last_seen_at, csrf_token_hash, address)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            session.id,
            session.companyID,
            session.userID,
            session.createdAt,
            session.expiresAt,
            session.lastSeenAt,
            session.csrfTokenHash,
            session.address
        )
    }

    /// The session whose token has the digest `id`, in whatever company: the digest of a 256-bit random token is
    /// the credential, and the company follows from it.
    public func session(id: String) throws -> SessionRecord? {
        try connection.queryOne(
            """
            SELECT id, company_id, user_id, created_at, expires_at, last_seen_at, revoked_at, csrf_token_hash, address
            FROM sessions WHERE id = ?
            """,
            id
        ).map { row in
            SessionRecord(
                id: row.string(0),
                companyID: row.int(1),
                userID: row.int(2),
                createdAt: row.int(3),
                expiresAt: row.int(4),
                lastSeenAt: row.int(5),
                revokedAt: row.optionalInt(6),
                csrfTokenHash: row.string(7),
                address: row.string(8)
            )
        }
    }

    /// Records that the session was used at `now`.
    public func touch(id: String, now: Int64) throws {
        try connection.execute(
            "UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?",
            now,
            id,
            now
        )
    }

    /// Ends one session; returns whether it was still open.
    public func revoke(id: String, companyID: Int64, now: Int64) throws -> Bool {
        try connection.execute(
            "UPDATE sessions SET revoked_at = ? WHERE id = ? AND company_id = ? AND revoked_at IS NULL",
            now,
            id,
            companyID
        ) == 1
    }

    /// Ends every open session of a user except `keeping`, and returns how many were ended.
    @discardableResult
    public func revokeAll(userID: Int64, companyID: Int64, keeping: String? = nil, now: Int64) throws -> Int {
        try connection.execute(
            """
            UPDATE sessions SET revoked_at = ?
            WHERE user_id = ? AND company_id = ? AND revoked_at IS NULL AND id <> ?
            """,
            now,
            userID,
            companyID,
            keeping ?? ""
        )
    }

    /// How many sessions of a user are not revoked (some may have expired).
    public func openSessions(userID: Int64, companyID: Int64) throws -> Int {
        Int(
            try connection.queryOne(
                "SELECT COUNT(*) FROM sessions WHERE user_id = ? AND company_id = ? AND revoked_at IS NULL",
                userID,
                companyID
            )?.int(0) ?? 0
        )
    }
}
