internal import ZhangguiCore
internal import ZhangguiSecurity
internal import ZhangguiStore

extension AccountService {
    /// Changes the signed-in user's password and ends their other sessions; the session making the change stays.
    ///
    /// A wrong current password counts as a failed sign-in for the account, so a stolen session cannot be used to
    /// guess it faster than the sign-in form allows.
    /// - Throws: ``AccountError`` `.rateLimited`, `.wrongCredentials` for a wrong current password, `.weakPassword`,
    ///   `.forbidden` for an API token.
    public func changePassword(current: String, new: String, by principal: Principal, now: Int64) throws {
        try principal.requireSession()
        let user = try database.read { connection in
            guard let user = try UserRecords(connection).user(id: principal.userID, companyID: principal.companyID)
            else { throw AccountError(.sessionInvalid) }
            if let wait = try throttleWait(
                account: SecretDigest.sha256Hex(user.email),
                address: "",
                now: now,
                in: connection
            ) {
                throw AccountError(.rateLimited, retryAfter: wait)
            }
            return user
        }
        guard policy.hasher.verify(current, against: user.passwordHash) else {
            try database.write { connection in
                try SignInAttemptRecords(connection).record(
                    account: SecretDigest.sha256Hex(user.email),
                    address: "",
                    companyID: user.companyID,
                    succeeded: false,
                    at: now
                )
            }
            throw AccountError(.wrongCredentials)
        }
        let hash = try newPasswordHash(new)
        try database.write { connection in
            let users = UserRecords(connection)
            // Another change since the check above wins; this one is refused as if the password were wrong.
            guard
                try users.replacePasswordHash(
                    user.passwordHash,
                    with: hash,
                    changedAt: now,
                    userID: user.id,
                    companyID: user.companyID
                )
            else { throw AccountError(.wrongCredentials) }
            let ended = try SessionRecords(connection).revokeAll(
                userID: user.id,
                companyID: user.companyID,
                keeping: principal.sessionID,
                now: now
            )
            try AuditLog.record(
                "user.changePassword",
                object: .user(user.id),
                before: ["passwordChangedAt": user.passwordChangedAt],
                after: ["passwordChangedAt": now, "otherSessionsEnded": Int64(ended)],
                by: principal.actor,
                at: now,
                in: connection
            )
        }
    }
}
