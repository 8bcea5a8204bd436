internal import ZhangguiCore
internal import ZhangguiSecurity
internal import ZhangguiStore

extension AccountService {
    /// The principal of a session token, refreshing the session's last-seen time.
    ///
    /// - Parameters:
    ///   - csrfToken: the anti-CSRF token sent with a state-changing request; checked when given.
    ///   - requestID: carried into the audit entries of the changes this principal makes.
    /// - Throws: ``AccountError`` `.sessionInvalid` for an unknown, revoked, idle-expired or absolutely expired
    ///   session or a disabled user; `.csrfMismatch` when `csrfToken` is not the session's.
    public func validateSession(_ token: String, now: Int64, csrfToken: String? = nil, requestID: String = "") throws
        -> Principal
    {
        let id = SecretDigest.sha256Hex(token)
        let (session, principal) = try database.read { connection in
            guard let session = try SessionRecords(connection).session(id: id), session.revokedAt == nil,
                now < session.expiresAt,
                !policy.sessions.hasExpired(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now)
            else { throw AccountError(.sessionInvalid) }
            if let csrfToken,
                !SecretDigest.constantTimeEquals(SecretDigest.sha256Hex(csrfToken), session.csrfTokenHash)
            {
                throw AccountError(.csrfMismatch)
            }
            let principal = try userPrincipal(
                userID: session.userID,
                companyID: session.companyID,
                sessionID: id,
                requestID: requestID,
                in: connection
            )
            guard let principal else { throw AccountError(.sessionInvalid) }
            return (session, principal)
        }
        if now - session.lastSeenAt >= policy.touchInterval {
            try database.write { try SessionRecords($0).touch(id: id, now: now) }
        }
        return principal
    }

    /// Signs out: ends the session of `token`. Ending an unknown or ended session does nothing.
    public func revokeSession(_ token: String, now: Int64, requestID: String = "") throws {
        let id = SecretDigest.sha256Hex(token)
        try database.write { connection in
            let sessions = SessionRecords(connection)
            guard let session = try sessions.session(id: id),
                try sessions.revoke(id: id, companyID: session.companyID, now: now)
            else { return }
            try AuditLog.record(
                "session.revoke",
                object: .user(session.userID),
                by: AuditActor(companyID: session.companyID, userID: session.userID, requestID: requestID),
                at: now,
                in: connection
            )
        }
    }

    /// Ends every session of user `userID`: a user may end their own, `users.manage` may end anyone's in the
    /// company. The caller's own session ends too when it is among them.
    /// - Returns: how many sessions were ended.
    /// - Throws: ``AccountError`` `.notFound` for a user of another company, `.forbidden` without the right.
    @discardableResult
    public func revokeAllSessions(userID: Int64, by principal: Principal, now: Int64) throws -> Int {
        guard userID == principal.userID || principal.can(.usersManage) else {
            throw AccountError(.forbidden, detail: "needs users.manage to end another user's sessions")
        }
        return try database.write { connection in
            guard try UserRecords(connection).user(id: userID, companyID: principal.companyID) != nil else {
                throw AccountError(.notFound, detail: "user \(userID)")
            }
            let ended = try SessionRecords(connection).revokeAll(
                userID: userID,
                companyID: principal.companyID,
                now: now
            )
            try AuditLog.record(
                "session.revokeAll",
                object: .user(userID),
                after: ["sessionsEnded": ended],
                by: principal.actor,
                at: now,
                in: connection
            )
            return ended
        }
    }

    /// The principal of an enabled user of the company, nil when there is none.
    func userPrincipal(
        userID: Int64,
        companyID: Int64,
        sessionID: String?,
        requestID: String,
        in connection: any DatabaseConnection
    ) throws -> Principal? {
        let users = UserRecords(connection)
        guard let user = try users.user(id: userID, companyID: companyID), !user.isDisabled else { return nil }
        return Principal(
            companyID: companyID,
            userID: userID,
            tokenID: nil,
            sessionID: sessionID,
            permissions: try permissions(userID: userID, companyID: companyID, in: connection),
            scope: try users.scope(userID: userID, companyID: companyID),
            requestID: requestID
        )
    }
}
