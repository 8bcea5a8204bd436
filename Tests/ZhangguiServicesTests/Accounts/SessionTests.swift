import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("Sessions expire, can be ended, and check their anti-CSRF token")
struct SessionTests {
    private let t0 = AccountBed.t0

    @Test("a session unused for 12 hours has ended")
    func idleExpiry() throws {
        let bed = try AccountBed()
        try bed.register()
        let token = try bed.signIn("boss@example.com").sessionToken

        #expect(throws: Never.self) { try bed.service.validateSession(token, now: t0 + 43_199) }
        // That request moved the last-seen time to t0 + 43,199; the session now lasts until t0 + 86,399.
        #expect(throws: Never.self) { try bed.service.validateSession(token, now: t0 + 86_398) }
        #expect(throws: AccountError(.sessionInvalid)) {
            try bed.service.validateSession(token, now: t0 + 86_398 + 43_200)
        }
    }

    @Test("a session untouched since sign-in ends exactly 12 hours later")
    func idleExpiryExact() throws {
        let bed = try AccountBed()
        try bed.register()
        let token = try bed.signIn("boss@example.com").sessionToken

        #expect(throws: AccountError(.sessionInvalid)) { try bed.service.validateSession(token, now: t0 + 43_200) }
    }

    @Test("a session in daily use still ends 7 days after sign-in")
    func absoluteExpiry() throws {
        let bed = try AccountBed()
        try bed.register()
        let token = try bed.signIn("boss@example.com").sessionToken
        for hour in stride(from: Int64(10), to: 168, by: 10) {
            _ = try bed.service.validateSession(token, now: t0 + hour * 3600)
        }

        #expect(throws: Never.self) { try bed.service.validateSession(token, now: t0 + 604_799) }
        #expect(throws: AccountError(.sessionInvalid)) { try bed.service.validateSession(token, now: t0 + 604_800) }
    }

    @Test("the timeouts are configurable")
    func configurable() throws {
        var policy = AccountPolicy()
        policy.sessions = SessionTimeouts(idle: 1800, absolute: 3600)
        let bed = try AccountBed(policy: policy)
        try bed.register()
        let signedIn = try bed.signIn("boss@example.com")

        #expect(signedIn.expiresAt == t0 + 3600)
        #expect(throws: AccountError(.sessionInvalid)) {
            try bed.service.validateSession(signedIn.sessionToken, now: t0 + 1800)
        }
    }

    @Test("signing out ends the session; other sessions of the user go on")
    func signOut() throws {
        let bed = try AccountBed()
        try bed.register()
        let laptop = try bed.signIn("boss@example.com").sessionToken
        let phone = try bed.signIn("boss@example.com").sessionToken

        try bed.service.revokeSession(laptop, now: t0 + 10)

        #expect(throws: AccountError(.sessionInvalid)) { try bed.service.validateSession(laptop, now: t0 + 20) }
        #expect(throws: Never.self) { try bed.service.validateSession(phone, now: t0 + 20) }
    }

    @Test("ending all sessions of a user ends every one, and is audited with the count")
    func revokeAll() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let laptop = try bed.signIn("boss@example.com").sessionToken
        let phone = try bed.signIn("boss@example.com").sessionToken
        let admin = try bed.service.validateSession(laptop, now: t0)

        let ended = try bed.service.revokeAllSessions(userID: company.adminUserID, by: admin, now: t0 + 10)

        #expect(ended == 2)
        #expect(throws: AccountError(.sessionInvalid)) { try bed.service.validateSession(laptop, now: t0 + 20) }
        #expect(throws: AccountError(.sessionInvalid)) { try bed.service.validateSession(phone, now: t0 + 20) }
        let reader = try bed.session("boss@example.com", at: t0 + 30)
        let entry = try #require(
            try bed.entries(about: .user(company.adminUserID), by: reader).first { $0.action == "session.revokeAll" }
        )
        #expect(entry.afterJSON == #"{"sessionsEnded":2}"#)
    }

    @Test("only users.manage ends another user's sessions")
    func revokeOthers() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        try bed.addUser("clerk@example.com", role: .customerService, of: company, by: admin)
        let clerk = try bed.session("clerk@example.com")

        #expect(throws: AccountError(.forbidden, detail: "needs users.manage to end another user's sessions")) {
            try bed.service.revokeAllSessions(userID: company.adminUserID, by: clerk, now: t0)
        }
        #expect(try bed.service.revokeAllSessions(userID: clerk.userID, by: admin, now: t0) == 1)
    }

    @Test("the anti-CSRF token of the session passes; any other is refused")
    func csrf() throws {
        let bed = try AccountBed()
        try bed.register()
        let first = try bed.signIn("boss@example.com")
        let second = try bed.signIn("boss@example.com")

        #expect(throws: Never.self) {
            try bed.service.validateSession(first.sessionToken, now: t0, csrfToken: first.csrfToken)
        }
        #expect(throws: AccountError(.csrfMismatch)) {
            try bed.service.validateSession(first.sessionToken, now: t0, csrfToken: second.csrfToken)
        }
    }

    @Test("an unknown token, and the session of a user disabled since, are refused")
    func unknownAndDisabled() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        try bed.addUser("clerk@example.com", role: .customerService, of: company, by: admin)
        let clerkToken = try bed.signIn("clerk@example.com").sessionToken
        let clerk = try bed.service.validateSession(clerkToken, now: t0)

        try bed.service.disableUser(id: clerk.userID, by: admin, now: t0 + 5)

        #expect(throws: AccountError(.sessionInvalid)) { try bed.service.validateSession("no-such-token", now: t0) }
        #expect(throws: AccountError(.sessionInvalid)) { try bed.service.validateSession(clerkToken, now: t0 + 10) }
    }

    @Test("the principal carries the request id into the audit entries it causes")
    func requestID() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let token = try bed.signIn("boss@example.com").sessionToken
        let admin = try bed.service.validateSession(token, now: t0, requestID: "req-42")

        try bed.addUser("clerk@example.com", role: .customerService, of: company, by: admin)

        let entries = try bed.audit.entries(byUser: admin.userID, principal: admin, limit: 1)
        #expect(entries.map(\.entry.requestID) == ["req-42"])
    }
}
