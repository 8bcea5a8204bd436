import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSecurity

@Suite("a signed-in user turns on an authenticator app and changes their password over the API")
struct AccountRouteTests {
    @Test("enrolment shows the secret, a code from it turns TOTP on with ten recovery codes, and sign-in then asks")
    func enrolTOTP() async throws {
        let shop = try APIShop()
        let finance = try await shop.signIn(.finance)
        let now = Int64(Date().timeIntervalSince1970)

        let started = try await shop.call("POST", "/api/v1/account/totp", as: finance)
        let secret = try #require(try started.json["secret"] as? String)
        let app = TOTP(secret: try #require(Base32.decode(secret)))
        let wrong = try await shop.call(
            "POST",
            "/api/v1/account/totp/confirm",
            as: finance,
            json: #"{"code":"000000"}"#
        )
        let code = app.code(at: now)
        let confirmed = try await shop.call(
            "POST",
            "/api/v1/account/totp/confirm",
            as: finance,
            json: #"{"code":"\#(code)"}"#
        )
        let again = try await shop.call(
            "POST",
            "/api/v1/account/totp/confirm",
            as: finance,
            json: #"{"code":"\#(code)"}"#
        )
        let passwordOnly = try await shop.call(
            "POST",
            "/api/v1/session",
            json: #"{"email":"finance@a.example","password":"\#(APIShop.password)"}"#
        )

        #expect(started.status == 201)
        #expect(try (started.json["uri"] as? String)?.hasPrefix("otpauth://totp/") == true)
        #expect(wrong.status == 400)
        #expect(try wrong.error["field"] as? String == "code")
        #expect(confirmed.status == 200)
        #expect(try (confirmed.json["recoveryCodes"] as? [String])?.count == 10)
        #expect(again.status == 409)
        #expect(try passwordOnly.error["code"] as? String == "second_factor_required")
        #expect(try await actions(shop, user: .finance).contains("user.enableTOTP"))
    }

    @Test("an API token cannot enrol or change the password: only a person at a session can")
    func tokensRefused() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)
        let issued = try await shop.call(
            "POST",
            "/api/v1/tokens",
            as: admin,
            json: #"{"name":"sync","permissions":["orders.read"]}"#
        )
        let token = Credential(bearer: try #require(try issued.json["token"] as? String))
        let body = #"{"currentPassword":"\#(APIShop.password)","newPassword":"a much longer new secret"}"#

        let enrol = try await shop.call("POST", "/api/v1/account/totp", as: token)
        let change = try await shop.call("POST", "/api/v1/account/password", as: token, json: body)

        #expect(enrol.status == 403)
        #expect(change.status == 403)
    }

    @Test("a wrong current password changes nothing; the right one keeps this session and ends the others")
    func changePassword() async throws {
        let shop = try APIShop()
        let here = try await shop.signIn(.warehouse)
        let elsewhere = try await shop.signIn(.warehouse)
        let newPassword = "warehouse keys on the blue hook"

        let wrong = try await shop.call(
            "POST",
            "/api/v1/account/password",
            as: here,
            json: #"{"currentPassword":"not the password","newPassword":"\#(newPassword)"}"#
        )
        let changed = try await shop.call(
            "POST",
            "/api/v1/account/password",
            as: here,
            json: #"{"currentPassword":"\#(APIShop.password)","newPassword":"\#(newPassword)"}"#
        )
        let stillHere = try await shop.call("GET", "/api/v1/orders", as: here)
        let endedElsewhere = try await shop.call("GET", "/api/v1/orders", as: elsewhere)
        let oldPassword = try await shop.call(
            "POST",
            "/api/v1/session",
            json: #"{"email":"warehouse@a.example","password":"\#(APIShop.password)"}"#
        )

        #expect(wrong.status == 400)
        #expect(try wrong.error["field"] as? String == "currentPassword")
        #expect(changed.status == 204)
        #expect(stillHere.status == 200)
        #expect(endedElsewhere.status == 401)
        #expect(oldPassword.status == 401)
        #expect(try await shop.signIn("warehouse@a.example", password: newPassword).sessionToken != nil)
        #expect(try await actions(shop, user: .warehouse).contains("user.changePassword"))
    }

    /// The audit actions recorded on the user of `role` in company A, read by A's admin.
    func actions(_ shop: APIShop, user role: BuiltInRole) async throws -> [String] {
        let admin = try await shop.signIn(.admin)
        let id = shop.companyA.userIDs[role] ?? 0
        let audit = try await shop.call("GET", "/api/v1/audit?objectType=user&objectId=\(id)", as: admin)
        return (try audit.json["entries"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
    }
}
