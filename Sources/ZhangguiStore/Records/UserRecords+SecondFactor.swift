extension UserRecords {
    /// Stores the secret of a TOTP enrolment that is not confirmed yet; any earlier unconfirmed secret is replaced.
    public func setPendingTOTPSecret(_ secret: String, userID: Int64, companyID: Int64) throws {
        try connection.execute(
            """
            UPDATE users SET totp_secret = ?, totp_enabled = 0, totp_last_counter = NULL
            WHERE id = ? AND company_id = ? AND totp_enabled = 0
            """,
            secret,
            userID,
            companyID
        )
    }

    /// Turns TOTP on after the first code was confirmed, remembering that code's step.
    public func enableTOTP(lastCounter: Int64, userID: Int64, companyID: Int64) throws {
        try connection.execute(
            """
            UPDATE users SET totp_enabled = 1, totp_last_counter = ?
            WHERE id = ? AND company_id = ? AND totp_secret IS NOT NULL
            """,
            lastCounter,
            userID,
            companyID
        )
    }

    /// Records `counter` as the last accepted TOTP step if it is later than the one stored, and returns whether it
    /// was: of two sign-ins racing with the same code, only one gets true.
    public func acceptTOTPCounter(_ counter: Int64, userID: Int64, companyID: Int64) throws -> Bool {
        try connection.execute(
            """
            UPDATE users SET totp_last_counter = ?
            WHERE id = ? AND company_id = ? AND (totp_last_counter IS NULL OR totp_last_counter < ?)
            """,
            counter,
            userID,
            companyID,
            counter
        ) == 1
    }

    /// Replaces the user's recovery codes with the ones whose digests are `hashes`.
    public func replaceRecoveryCodes(_ hashes: [String], userID: Int64, companyID: Int64, now: Int64) throws {
        try connection.execute("DELETE FROM recovery_codes WHERE user_id = ? AND company_id = ?", userID, companyID)
        for hash in hashes {
            try connection.execute(
                "INSERT INTO recovery_codes (company_id, user_id, code_hash, created_at) VALUES (?, ?, ?, ?)",
                companyID,
                userID,
                hash,
                now
            )
        }
    }

    /// Marks the unused recovery code with digest `hash` used, and returns whether there was one.
    public func useRecoveryCode(_ hash: String, userID: Int64, companyID: Int64, now: Int64) throws -> Bool {
        try connection.execute(
            """
            UPDATE recovery_codes SET used_at = ?
            WHERE user_id = ? AND company_id = ? AND code_hash = ? AND used_at IS NULL
            """,
            now,
            userID,
            companyID,
            hash
        ) == 1
    }

    /// How many of the user's recovery codes are still unused.
    public func unusedRecoveryCodes(userID: Int64, companyID: Int64) throws -> Int {
        Int(
            try connection.queryOne(
                "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND company_id = ? AND used_at IS NULL",
                userID,
                companyID
            )?.int(0) ?? 0
        )
    }
}
