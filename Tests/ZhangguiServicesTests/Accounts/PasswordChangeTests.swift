import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("Changing a password")
struct PasswordChangeTests {
    private let t0 = AccountBed.t0
    private let newPassword = "a much longer new passphrase"

    @Test("the new password signs in, the old one no longer does, and other sessions end while this one stays")
    func change() throws {
        let bed = try AccountBed()
        try bed.register()
        let here = try bed.signIn("boss@example.com").sessionToken
        let elsewhere = try bed.signIn("boss@example.com").sessionToken
        let admin = try bed.service.validateSession(here, now: t0)

        try bed.service.changePassword(current: AccountBed.password, new: newPassword, by: admin, now: t0 + 60)

        #expect(throws: Never.self) { try bed.service.validateSession(here, now: t0 + 70) }
        #expect(throws: AccountError(.sessionInvalid)) { try bed.service.validateSession(elsewhere, now: t0 + 70) }
        #expect(throws: AccountError(.wrongCredentials)) { try bed.signIn("boss@example.com", at: t0 + 80) }
        #expect(throws: Never.self) { try bed.signIn("boss@example.com", password: newPassword, at: t0 + 90) }
    }

    @Test("the change is audited with its times and the sessions ended, never a hash")
    func audited() throws {
        let bed = try AccountBed()
        try bed.register()
        _ = try bed.signIn("boss@example.com")
        let admin = try bed.session("boss@example.com")

        try bed.service.changePassword(current: AccountBed.password, new: newPassword, by: admin, now: t0 + 60)

        let entry = try #require(try bed.entries(about: .user(admin.userID), by: admin).first)
        #expect(entry.action == "user.changePassword")
        #expect(entry.beforeJSON == "{\"passwordChangedAt\":\(t0)}")
        #expect(entry.afterJSON == "{\"otherSessionsEnded\":1,\"passwordChangedAt\":\(t0 + 60)}")
    }

    @Test("a wrong current password is refused and counts as a failed sign-in")
    func wrongCurrent() throws {
        let bed = try AccountBed()
        try bed.register()
        let admin = try bed.session("boss@example.com")
        for second in 0..<5 {
            #expect(throws: AccountError(.wrongCredentials)) {
                try bed.service.changePassword(
                    current: "not my password",
                    new: newPassword,
                    by: admin,
                    now: t0 + Int64(second)
                )
            }
        }

        let refusal = #expect(throws: AccountError.self) { try bed.signIn("boss@example.com", at: t0 + 10) }
        #expect(refusal?.code == .rateLimited)
    }

    @Test("a new password under 12 characters is refused and the old one stays")
    func weak() throws {
        let bed = try AccountBed()
        try bed.register()
        let admin = try bed.session("boss@example.com")

        #expect(throws: AccountError(.weakPassword, detail: "must have at least 12 characters")) {
            try bed.service.changePassword(current: AccountBed.password, new: "short", by: admin, now: t0)
        }
        #expect(throws: Never.self) { try bed.signIn("boss@example.com", at: t0 + 10) }
    }
}
