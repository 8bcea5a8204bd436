import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("Two-factor sign-in with an authenticator app and recovery codes")
struct TwoFactorTests {
    private let t0 = AccountBed.t0

    /// A registered admin who turned TOTP on at t0, with the secret and recovery codes they were shown.
    private func enrolled() throws -> (bed: AccountBed, secret: String, codes: [String]) {
        let bed = try AccountBed()
        try bed.register()
        let admin = try bed.session("boss@example.com")
        let enrolment = try bed.service.startTOTPEnrolment(by: admin, now: t0)
        let codes = try bed.service.confirmTOTP(
            code: authenticatorCode(enrolment.secret, at: t0),
            by: admin,
            now: t0
        )
        return (bed, enrolment.secret, codes)
    }

    @Test("enrolment gives a base32 secret and an otpauth URI naming Zhanggui and the account")
    func enrolment() throws {
        let bed = try AccountBed()
        try bed.register()
        let admin = try bed.session("boss@example.com")

        let enrolment = try bed.service.startTOTPEnrolment(by: admin, now: t0)

        #expect(enrolment.secret.count == 32)  // 20 bytes are 32 base32 characters
        #expect(
            enrolment.uri
                == "otpauth://totp/Zhanggui:boss@example.com?secret=\(enrolment.secret)"
                + "&issuer=Zhanggui&algorithm=SHA1&digits=6&period=30"
        )
    }

    @Test("confirming with a code from the app turns it on and gives 10 recovery codes, stored only as digests")
    func confirmation() throws {
        let (bed, _, codes) = try enrolled()

        #expect(codes.count == 10)
        let stored = try bed.database.read { try $0.query("SELECT code_hash FROM recovery_codes").map { $0.string(0) } }
        #expect(stored.count == 10)
        #expect(Set(stored).isDisjoint(with: codes))
    }

    @Test("a wrong code does not turn two-factor sign-in on")
    func wrongConfirmation() throws {
        let bed = try AccountBed()
        try bed.register()
        let admin = try bed.session("boss@example.com")
        let enrolment = try bed.service.startTOTPEnrolment(by: admin, now: t0)
        let wrong = authenticatorCode(enrolment.secret, at: t0 + 300)

        #expect(throws: AccountError(.wrongSecondFactor)) {
            try bed.service.confirmTOTP(code: wrong, by: admin, now: t0)
        }
        #expect(throws: Never.self) { try bed.signIn("boss@example.com", at: t0 + 60) }
    }

    @Test("with TOTP on, the password alone is not enough")
    func secondFactorRequired() throws {
        let (bed, _, _) = try enrolled()

        #expect(throws: AccountError(.secondFactorRequired)) { try bed.signIn("boss@example.com", at: t0 + 60) }
    }

    @Test("the current code signs in; the same code again is refused as a replay; the next step's code works")
    func replay() throws {
        let (bed, secret, _) = try enrolled()
        let code = authenticatorCode(secret, at: t0 + 60)

        #expect(throws: Never.self) { try bed.signIn("boss@example.com", totp: code, at: t0 + 60) }
        #expect(throws: AccountError(.wrongSecondFactor)) {
            try bed.signIn("boss@example.com", totp: code, at: t0 + 65)
        }
        #expect(throws: Never.self) {
            try bed.signIn("boss@example.com", totp: authenticatorCode(secret, at: t0 + 90), at: t0 + 90)
        }
    }

    @Test("the code used to confirm enrolment cannot sign in afterwards")
    func confirmationCodeIsUsed() throws {
        let (bed, secret, _) = try enrolled()

        #expect(throws: AccountError(.wrongSecondFactor)) {
            try bed.signIn("boss@example.com", totp: authenticatorCode(secret, at: t0), at: t0 + 10)
        }
    }

    @Test("a code one step old is still accepted for clock drift; two steps old is not")
    func drift() throws {
        let (bed, secret, _) = try enrolled()

        #expect(throws: AccountError(.wrongSecondFactor)) {
            try bed.signIn("boss@example.com", totp: authenticatorCode(secret, at: t0 + 120), at: t0 + 180)
        }
        #expect(throws: Never.self) {
            try bed.signIn("boss@example.com", totp: authenticatorCode(secret, at: t0 + 150), at: t0 + 180)
        }
    }

    @Test("a wrong code counts as a failed attempt")
    func wrongCodesAreLimited() throws {
        let (bed, secret, _) = try enrolled()
        for second in 0..<5 {
            _ = try? bed.signIn("boss@example.com", totp: "000000", at: t0 + 100 + Int64(second))
        }

        let code = authenticatorCode(secret, at: t0 + 200)
        let refusal = #expect(throws: AccountError.self) {
            try bed.signIn("boss@example.com", totp: code, at: t0 + 200)
        }
        #expect(refusal?.code == .rateLimited)
    }

    @Test("a recovery code signs in once, however it is typed, and is audited")
    func recoveryCode() throws {
        let (bed, _, codes) = try enrolled()
        let typed = String(codes[3].uppercased().map { $0 == "-" ? " " : $0 })

        let signedIn = try bed.signIn("boss@example.com", recovery: typed, at: t0 + 60)
        #expect(throws: AccountError(.wrongSecondFactor)) {
            try bed.signIn("boss@example.com", recovery: codes[3], at: t0 + 70)
        }

        let admin = try bed.service.validateSession(signedIn.sessionToken, now: t0 + 60)
        let entries = try bed.entries(about: .user(admin.userID), by: admin)
        let used = try #require(entries.first { $0.action == "user.useRecoveryCode" })
        #expect(used.afterJSON == #"{"unusedRecoveryCodes":9}"#)
    }

    @Test("enrolling twice is refused once TOTP is on")
    func enrolTwice() throws {
        let (bed, secret, _) = try enrolled()
        let session = try bed.signIn("boss@example.com", totp: authenticatorCode(secret, at: t0 + 30), at: t0 + 30)
        let admin = try bed.service.validateSession(session.sessionToken, now: t0 + 30)

        #expect(throws: AccountError(.totpAlreadyEnabled)) {
            try bed.service.startTOTPEnrolment(by: admin, now: t0 + 30)
        }
    }

    @Test("enabling TOTP is audited as off before, on after, without the secret")
    func audited() throws {
        let (bed, secret, _) = try enrolled()
        let session = try bed.signIn("boss@example.com", totp: authenticatorCode(secret, at: t0 + 30), at: t0 + 30)
        let admin = try bed.service.validateSession(session.sessionToken, now: t0 + 30)

        let entries = try bed.entries(about: .user(admin.userID), by: admin)
        let enabled = try #require(entries.first { $0.action == "user.enableTOTP" })

        #expect(enabled.beforeJSON == #"{"totpEnabled":false}"#)
        #expect(enabled.afterJSON == #"{"totpEnabled":true}"#)
        #expect(!entries.contains { ($0.afterJSON ?? "").contains(secret) })
    }
}
