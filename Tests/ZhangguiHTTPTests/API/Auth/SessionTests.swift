import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP

@Suite("signing in: the cookie, the CSRF token, API tokens and the refusals")
struct SessionTests {
    @Test("sign-in sets an HttpOnly, SameSite=Lax session cookie for the whole site and answers the CSRF token")
    func cookieFlags() async throws {
        let shop = try APIShop()

        let answer = try await shop.call(
            "POST",
            "/api/v1/session",
            json: #"{"email":"admin@a.example","password":"\#(APIShop.password)"}"#
        )

        let cookie = try #require(answer.header("Set-Cookie"))
        #expect(answer.status == 201)
        #expect(cookie.hasPrefix("zg_session="))
        #expect(cookie.contains("; HttpOnly"))
        #expect(cookie.contains("; SameSite=Lax"))
        #expect(cookie.contains("; Path=/"))
        #expect(!cookie.contains("Secure"))
        #expect(try (answer.json["csrfToken"] as? String)?.count == 43)
        #expect(try answer.json["companyID"] as? Int64 == shop.companyA.id)
    }

    @Test("behind TLS the session cookie is Secure as well")
    func secureCookie() async throws {
        let shop = try APIShop(isBehindTLS: true)

        let answer = try await shop.call(
            "POST",
            "/api/v1/session",
            json: #"{"email":"admin@a.example","password":"\#(APIShop.password)"}"#
        )

        #expect(answer.header("Set-Cookie")?.hasSuffix("; HttpOnly; SameSite=Lax; Secure") == true)
    }

    @Test("a wrong password is 401 with the one answer for every credential mistake")
    func wrongPassword() async throws {
        let shop = try APIShop()

        let answer = try await shop.call(
            "POST",
            "/api/v1/session",
            json: #"{"email":"admin@a.example","password":"not the password"}"#
        )

        #expect(answer.status == 401)
        #expect(try answer.error["code"] as? String == "wrong_credentials")
        #expect(answer.header("Set-Cookie") == nil)
    }

    @Test("after five wrong passwords the account waits: 429 with Retry-After, even with the right password")
    func rateLimited() async throws {
        let shop = try APIShop()
        let wrong = #"{"email":"finance@a.example","password":"not the password"}"#
        for _ in 1...5 { _ = try await shop.call("POST", "/api/v1/session", json: wrong) }

        let answer = try await shop.call(
            "POST",
            "/api/v1/session",
            json: #"{"email":"finance@a.example","password":"\#(APIShop.password)"}"#
        )

        #expect(answer.status == 429)
        #expect(try answer.error["code"] as? String == "rate_limited")
        #expect(Int(answer.header("Retry-After") ?? "") ?? 0 > 0)
    }

    @Test("without a cookie or token a route is 401; a bad cookie is 401 too")
    func unauthenticated() async throws {
        let shop = try APIShop()

        let none = try await shop.call("GET", "/api/v1/orders")
        let forged = try await shop.call("GET", "/api/v1/orders", as: Credential(sessionToken: "forged"))
        let badToken = try await shop.call("GET", "/api/v1/orders", as: Credential(bearer: "zg_forged"))

        for answer in [none, forged, badToken] {
            #expect(answer.status == 401)
            #expect(try answer.error["code"] as? String == "unauthenticated")
        }
    }

    @Test("a cookie write without the session's X-CSRF-Token is 403 and changes nothing")
    func csrf() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.customerService)
        let order = shop.companyA.tradeIDs[0]
        var missing = clerk
        missing.csrfToken = nil
        var wrong = clerk
        wrong.csrfToken = "not-the-token"

        let withoutToken = try await shop.call("POST", "/api/v1/orders/\(order)/cancel", as: missing)
        let wrongToken = try await shop.call("POST", "/api/v1/orders/\(order)/cancel", as: wrong)
        let detail = try await shop.call("GET", "/api/v1/orders/\(order)", as: missing)

        #expect(withoutToken.status == 403)
        #expect(wrongToken.status == 403)
        #expect(try wrongToken.error["code"] as? String == "csrf_mismatch")
        #expect(try detail.json["state"] as? String == "pendingReview")
    }

    @Test("a permission the role lacks is 403 naming it")
    func forbidden() async throws {
        let shop = try APIShop()
        let finance = try await shop.signIn(.finance)

        let answer = try await shop.call("POST", "/api/v1/fulfilment/allocate", as: finance)

        #expect(answer.status == 403)
        #expect(try answer.error["code"] as? String == "forbidden")
        #expect(try (answer.error["message"] as? String)?.contains("orders.fulfil") == true)
    }

    @Test("an API token works as a bearer without CSRF, is shown once, and stops when revoked")
    func apiToken() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)

        let made = try await shop.call(
            "POST",
            "/api/v1/tokens",
            as: admin,
            json: #"{"name":"shop sync","permissions":["orders.read","orders.review"]}"#
        )
        let token = try #require(try made.json["token"] as? String)
        let id = try #require(try made.json["id"] as? Int64)
        let bearer = Credential(bearer: token)
        let read = try await shop.call("GET", "/api/v1/orders", as: bearer)
        let write = try await shop.call("POST", "/api/v1/orders/\(shop.companyA.tradeIDs[0])/hold", as: bearer)
        let outside = try await shop.call("GET", "/api/v1/books/report", as: bearer)
        let list = try await shop.call("GET", "/api/v1/tokens", as: admin)
        let revoke = try await shop.call("DELETE", "/api/v1/tokens/\(id)", as: admin)
        let after = try await shop.call("GET", "/api/v1/orders", as: bearer)

        #expect(made.status == 201)
        #expect(token.hasPrefix("zg_"))
        #expect(read.status == 200)
        #expect(write.status == 200)
        #expect(outside.status == 403)
        #expect(!list.text.contains(token))
        #expect(revoke.status == 204)
        #expect(after.status == 401)
    }

    @Test("signing out ends the session and clears the cookie")
    func signOut() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)

        let out = try await shop.call("DELETE", "/api/v1/session", as: admin)
        let after = try await shop.call("GET", "/api/v1/orders", as: admin)

        #expect(out.status == 204)
        #expect(out.header("Set-Cookie")?.contains("Max-Age=0") == true)
        #expect(after.status == 401)
    }

    @Test("registering a company answers 201, and its admin can sign in")
    func register() async throws {
        let shop = try APIShop()

        let answer = try await shop.call(
            "POST",
            "/api/v1/companies",
            json: #"{"companyName":"新店","adminEmail":"owner@c.example","adminPassword":"\#(APIShop.password)"}"#
        )
        let again = try await shop.call(
            "POST",
            "/api/v1/companies",
            json: #"{"companyName":"又一家","adminEmail":"owner@c.example","adminPassword":"\#(APIShop.password)"}"#
        )
        let badZone = try await shop.call(
            "POST",
            "/api/v1/companies",
            json:
                #"{"companyName":"店","timeZone":"Mars/Base","adminEmail":"z@c.example","adminPassword":"\#(APIShop.password)"}"#
        )
        let noName = try await shop.call(
            "POST",
            "/api/v1/companies",
            json: #"{"companyName":" ","adminEmail":"n@c.example","adminPassword":"\#(APIShop.password)"}"#
        )
        let owner = try await shop.signIn("owner@c.example")
        let orders = try await shop.call("GET", "/api/v1/orders", as: owner)

        #expect(answer.status == 201)
        #expect(again.status == 409)
        #expect(badZone.status == 400)
        #expect(noName.status == 400)
        #expect(orders.text == #"{"orders":[]}"#)
    }
}
