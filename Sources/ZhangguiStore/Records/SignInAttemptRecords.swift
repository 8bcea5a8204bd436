/// The log of sign-in attempts that rate limiting counts.
public struct SignInAttemptRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Records one attempt.
    /// - Parameters:
    ///   - account: the digest of the email tried.
    ///   - companyID: the company of the matching user, nil when no user has that email.
    public func record(account: String, address: String, companyID: Int64?, succeeded: Bool, at time: Int64) throws {
        try connection.execute(
            "INSERT INTO sign_in_attempts (company_id, account, address, at, succeeded) VALUES (?, ?, ?, ?, ?)",
            companyID,
            account,
            address,
            time,
            succeeded
        )
    }

    /// Times of the account's failures after `since` and after its last successful sign-in.
    public func failures(account: String, since: Int64) throws -> [Int64] {
        try connection.query(
            """
            SELECT at FROM sign_in_attempts
            WHERE account = ? AND at > ? AND succeeded = 0
              AND id > COALESCE((SELECT MAX(id) FROM sign_in_attempts WHERE account = ? AND succeeded = 1), 0)
            """,
            account,
            since,
            account
        ).map { $0.int(0) }
    }

    /// Times of failures from `address` after `since`. A success does not wipe them: one valid account must not
    /// reset the count for guesses at others.
    public func failures(address: String, since: Int64) throws -> [Int64] {
        try connection.query(
            "SELECT at FROM sign_in_attempts WHERE address = ? AND at > ? AND succeeded = 0",
            address,
            since
        ).map { $0.int(0) }
    }

    // Known limitation: nothing calls this on a schedule yet, so the table grows by one row per attempt; the
    // indexes keep the limit queries fast, and the scheduler that will prune it is later work.
    /// Removes attempts older than `before`, which no limit counts any more.
    @discardableResult
    public func prune(before: Int64) throws -> Int {
        try connection.execute("DELETE FROM sign_in_attempts WHERE at < ?", before)
    }
}
