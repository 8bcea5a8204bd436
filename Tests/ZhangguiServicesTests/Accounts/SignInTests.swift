import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("Signing in with email and password, within the failure limits")
struct SignInTests {
    private let t0 = AccountBed.t0

    @Test("the right password opens a session; only digests of its tokens are stored")
    func success() throws {
        let bed = try AccountBed()
        let company = try bed.register()

        let signedIn = try bed.signIn("boss@example.com")

        #expect(signedIn.companyID == company.companyID)
        #expect(signedIn.userID == company.adminUserID)
        #expect(signedIn.sessionToken.count == 43)
        #expect(signedIn.csrfToken != signedIn.sessionToken)
        #expect(signedIn.expiresAt == t0 + 7 * 86_400)
        let stored = try bed.database.read { try $0.query("SELECT id, csrf_token_hash FROM sessions") }
        #expect(stored.count == 1)
        #expect(stored[0].string(0).count == 64)
        #expect(stored[0].string(0) != signedIn.sessionToken)
    }

    @Test("the email is found whatever its case and surrounding spaces")
    func emailCase() throws {
        let bed = try AccountBed()
        try bed.register()

        #expect(throws: Never.self) { try bed.signIn("  Boss@Example.COM ") }
    }

    @Test("an unknown email and a wrong password get the very same refusal")
    func sameRefusal() throws {
        let bed = try AccountBed()
        try bed.register()

        let unknown = #expect(throws: AccountError.self) { try bed.signIn("nobody@example.com") }
        let wrong = #expect(throws: AccountError.self) {
            try bed.signIn("boss@example.com", password: "wrong password!")
        }

        #expect(unknown == AccountError(.wrongCredentials))
        #expect(wrong == unknown)
        #expect(wrong?.description == "wrong email or password")
        #expect(unknown?.description == wrong?.description)
    }

    @Test("a disabled user is refused like a wrong password")
    func disabledUser() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        let clerk = try bed.addUser("clerk@example.com", role: .customerService, of: company, by: admin)
        try bed.service.disableUser(id: clerk, by: admin, now: t0)

        #expect(throws: AccountError(.wrongCredentials)) { try bed.signIn("clerk@example.com") }
    }

    @Test("after 5 failures in 15 minutes the 6th attempt is refused even with the right password, with the wait")
    func accountLimit() throws {
        let bed = try AccountBed()
        try bed.register()
        for minute in 0..<5 {
            #expect(throws: AccountError(.wrongCredentials)) {
                try bed.signIn("boss@example.com", password: "guess number \(minute)", at: t0 + Int64(minute) * 60)
            }
        }

        // Failures at t0 … t0 + 240; the first leaves the 900-second window at t0 + 900, 600 s after t0 + 300.
        let refusal = #expect(throws: AccountError.self) { try bed.signIn("boss@example.com", at: t0 + 300) }
        #expect(refusal?.code == .rateLimited)
        #expect(refusal?.retryAfter == 600)
        #expect(refusal?.description == "too many failed attempts; try again in 600 seconds")

        #expect(throws: AccountError(.rateLimited, retryAfter: 1)) { try bed.signIn("boss@example.com", at: t0 + 899) }
        #expect(throws: Never.self) { try bed.signIn("boss@example.com", at: t0 + 900) }
    }

    @Test("a refused attempt does not count, so waiting out the window is enough")
    func refusalsDoNotExtendTheWait() throws {
        let bed = try AccountBed()
        try bed.register()
        for second in 0..<5 {
            _ = try? bed.signIn("boss@example.com", password: "wrong password", at: t0 + Int64(second))
        }
        for second in 10..<20 {
            _ = try? bed.signIn("boss@example.com", password: "wrong password", at: t0 + Int64(second))
        }

        #expect(throws: Never.self) { try bed.signIn("boss@example.com", at: t0 + 900) }
    }

    @Test("a successful sign-in starts the account's count afresh")
    func successResetsAccountCount() throws {
        let bed = try AccountBed()
        try bed.register()
        for second in 0..<4 {
            _ = try? bed.signIn("boss@example.com", password: "wrong password", at: t0 + Int64(second))
        }
        _ = try bed.signIn("boss@example.com", at: t0 + 10)
        for second in 20..<24 {
            _ = try? bed.signIn("boss@example.com", password: "wrong password", at: t0 + Int64(second))
        }

        #expect(throws: Never.self) { try bed.signIn("boss@example.com", at: t0 + 30) }
    }

    @Test("unknown emails are limited too, so the limit does not tell which accounts exist")
    func unknownEmailLimited() throws {
        let bed = try AccountBed()
        for second in 0..<5 {
            _ = try? bed.signIn("ghost@example.com", at: t0 + Int64(second))
        }

        #expect(throws: AccountError(.rateLimited, retryAfter: 895)) { try bed.signIn("ghost@example.com", at: t0 + 5) }
    }

    @Test("20 failures from one address stop a 21st attempt there at any account, not from elsewhere")
    func addressLimit() throws {
        let bed = try AccountBed()
        try bed.register()
        for index in 0..<20 {
            _ = try? bed.signIn("user\(index)@example.com", address: "198.51.100.7", at: t0 + Int64(index))
        }

        // The oldest of the 20 (t0) leaves the window at t0 + 900.
        #expect(throws: AccountError(.rateLimited, retryAfter: 870)) {
            try bed.signIn("boss@example.com", address: "198.51.100.7", at: t0 + 30)
        }
        #expect(throws: Never.self) { try bed.signIn("boss@example.com", address: "203.0.113.5", at: t0 + 30) }
    }

    @Test("the limits are configurable")
    func configurableLimits() throws {
        var policy = AccountPolicy()
        policy.accountThrottle = SignInThrottle(limit: 2, window: 60)
        let bed = try AccountBed(policy: policy)
        try bed.register()
        _ = try? bed.signIn("boss@example.com", password: "wrong password", at: t0)
        _ = try? bed.signIn("boss@example.com", password: "wrong password", at: t0 + 1)

        // The older failure (t0) leaves the 60-second window at t0 + 60, 58 s after t0 + 2.
        #expect(throws: AccountError(.rateLimited, retryAfter: 58)) { try bed.signIn("boss@example.com", at: t0 + 2) }
        #expect(throws: Never.self) { try bed.signIn("boss@example.com", at: t0 + 60) }
    }

    @Test("a hash made with older parameters is replaced at sign-in")
    func rehash() throws {
        var older = AccountPolicy()
        older.hasher = PasswordHasherFixture.older
        let bed = try AccountBed(policy: older)
        try bed.register()
        let current = AccountService(database: bed.database)

        _ = try current.signIn(
            SignInAttempt(email: "boss@example.com", password: AccountBed.password, address: AccountBed.address),
            now: t0
        )

        let hash = try bed.database.read { try $0.queryOne("SELECT password_hash FROM users")?.string(0) }
        #expect(hash?.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$") == true)
    }
}
