import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSecurity
import ZhangguiServices

@Suite("an account with an authenticator app signs in with its code or a recovery code")
struct SecondFactorTests {
    @Test(
        "the password alone asks for the second factor; a wrong code is refused; the right one or a recovery code opens a session"
    )
    func totp() async throws {
        let shop = try APIShop()
        let accounts = AccountService(database: shop.database)
        let now = Int64(Date().timeIntervalSince1970)
        let attempt = SignInAttempt(email: "finance@a.example", password: APIShop.password, address: "")
        let finance = try accounts.validateSession(try accounts.signIn(attempt, now: now).sessionToken, now: now)
        let enrolment = try accounts.startTOTPEnrolment(by: finance, now: now)
        let app = TOTP(secret: try #require(Base32.decode(enrolment.secret)))
        let recovery = try accounts.confirmTOTP(code: app.code(at: now), by: finance, now: now)
        let password = #""email":"finance@a.example","password":"\#(APIShop.password)""#

        let alone = try await shop.call("POST", "/api/v1/session", json: "{\(password)}")
        let wrong = try await shop.call("POST", "/api/v1/session", json: #"{\#(password),"totp":"000000"}"#)
        // The enrolment used its step's code; the step after the current one is inside the window and newer. Taken
        // from the clock now, not at the start: on a busy machine the calls above can take longer than a step.
        let next = app.code(at: Int64(Date().timeIntervalSince1970) + 30)
        let right = try await shop.call("POST", "/api/v1/session", json: #"{\#(password),"totp":"\#(next)"}"#)
        let code = try #require(recovery.first)
        let rescued = try await shop.call("POST", "/api/v1/session", json: #"{\#(password),"recoveryCode":"\#(code)"}"#)

        #expect(alone.status == 401)
        #expect(try alone.error["code"] as? String == "second_factor_required")
        #expect(wrong.status == 401)
        #expect(try wrong.error["code"] as? String == "wrong_credentials")
        #expect(right.status == 201)
        #expect(rescued.status == 201)
    }
}
