import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSecurity
import ZhangguiServices

@Suite("signing in, two factors, signing out and registering through the pages")
struct SignInPageTests {
    @Test("the sign-in page opens a session with the cookie and the form token, and the dashboard greets the user")
    func signsIn() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        let signedIn = try await browser.signIn("admin@a.example")
        let dashboard = try await browser.get("/")

        #expect(signedIn.status == 303)
        #expect(signedIn.header("Location") == "/")
        #expect(browser.cookies["zg_session"] != nil && browser.cookies["zg_csrf"] != nil)
        #expect(dashboard.status == 200)
        #expect(dashboard.text.contains("测试店") && dashboard.text.contains("admin@a.example"))
        #expect(dashboard.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
    }

    @Test("a wrong password is said on the page; a form without its token is refused; no session, no page")
    func refusals() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        let wrong = try await browser.signIn("admin@a.example", password: "not the password at all")
        let forged = try await Browser(shop).post("/signin", [("email", "admin@a.example")], csrf: "forged")
        let anonymous = try await Browser(shop).get("/orders")
        let apiSession = try await shop.signIn("admin@a.example")
        let apiBrowser = Browser(shop)
        apiBrowser.setCookie("zg_session", apiSession.sessionToken ?? "")
        let withoutFormToken = try await apiBrowser.get("/orders")
        apiBrowser.setCookie("zg_csrf", "not-the-session-token")
        let withWrongFormToken = try await apiBrowser.get("/orders")

        #expect(wrong.status == 401)
        #expect(wrong.text.contains("邮箱或密码错误"))
        #expect(forged.status == 403)
        #expect(anonymous.status == 303 && anonymous.header("Location") == "/signin")
        #expect(withoutFormToken.status == 303 && withWrongFormToken.status == 303)
    }

    @Test("two-factor setup shows a QR code; afterwards sign-in needs the app's code or a recovery code")
    func twoFactor() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("finance@a.example")
        let setup = try await browser.post("/account/totp", [])
        let secret = try #require(Self.hidden("secret", in: setup.text))
        let uri = try #require(Self.hidden("uri", in: setup.text))
        let app = TOTP(secret: try #require(Base32.decode(secret)))
        let now = Int64(Date().timeIntervalSince1970)
        let wrongCode = try await browser.post(
            "/account/totp/confirm",
            [("code", "000000"), ("secret", secret), ("uri", uri)]
        )
        let confirmed = try await browser.post("/account/totp/confirm", [("code", app.code(at: now))])
        let recovery = try #require(Self.firstRecoveryCode(in: confirmed.text))
        let signedOut = try await browser.post("/signout", [])
        let afterSignOut = try await browser.get("/")

        let passwordOnly = try await Browser(shop).signIn("finance@a.example")
        let withCode = try await Browser(shop).signIn("finance@a.example", code: app.code(at: now + 30))
        let withRecovery = try await Browser(shop).signIn("finance@a.example", code: recovery)

        #expect(setup.status == 200 && setup.text.contains("<svg class=\"qr\""))
        #expect(wrongCode.status == 400 && wrongCode.text.contains("<svg class=\"qr\""))
        #expect(confirmed.status == 200 && confirmed.text.contains("两步验证已开启"))
        #expect(signedOut.status == 303 && afterSignOut.status == 303)
        #expect(passwordOnly.status == 401 && passwordOnly.text.contains("两步验证"))
        #expect(withCode.status == 303)
        #expect(withRecovery.status == 303)
    }

    @Test("registering a company signs its admin in; a taken email is said on the page")
    func registers() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        let form = try await browser.get("/register")
        let token = try #require(Browser.formToken(in: form.text))
        let fields = [("company", "新店<b>"), ("email", "owner@new.example"), ("password", APIShop.password)]
        let registered = try await browser.post("/register", fields, csrf: token)
        let dashboard = try await browser.get("/")
        let again = Browser(shop)
        let secondForm = try await again.get("/register")
        let taken = try await again.post("/register", fields, csrf: Browser.formToken(in: secondForm.text))

        #expect(registered.status == 303)
        #expect(dashboard.status == 200 && dashboard.text.contains("新店&lt;b&gt;"))
        #expect(taken.status == 409 && taken.text.contains("该邮箱已有账号"))
    }

    @Test("the language switch stores English and never leaves the site")
    func language() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let switched = try await browser.get("/language?to=en&back=/orders")
        let orders = try await browser.get("/orders")
        let outside = try await browser.get("/language?to=en&back=//evil.example")

        #expect(switched.status == 303 && switched.header("Location") == "/orders")
        #expect(orders.text.contains("<html lang=\"en\">") && orders.text.contains("Sign out"))
        #expect(outside.header("Location") == "/")
    }

    static func hidden(_ name: String, in page: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
    }

    static func firstRecoveryCode(in page: String) -> String? {
        guard let range = page.range(of: "<li><code>") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "<" })
    }
}

@Suite("each user's language follows them")
struct UserLanguagePageTests {
    @Test("English chosen while signed in is kept with the user: another browser signing in sees English")
    func kept() async throws {
        let shop = try APIShop()
        let first = Browser(shop)
        try await first.signIn("admin@a.example")
        let switched = try await first.post("/account/language", [("to", "en"), ("back", "/orders")])
        let other = Browser(shop)
        try await other.signIn("admin@a.example")
        let page = try await other.get("/orders")
        let colleague = Browser(shop)
        try await colleague.signIn("warehouse@a.example")
        let theirs = try await colleague.get("/orders")
        let bad = try await first.post("/account/language", [("to", "fr")])
        let outside = try await first.post("/account/language", [("to", "zh-Hans"), ("back", "//evil.example")])

        #expect(switched.status == 303 && switched.header("Location") == "/orders")
        #expect(page.text.contains("<html lang=\"en\">") && page.text.contains("Sign out"))
        #expect(theirs.text.contains("<html lang=\"zh-Hans\">"))
        #expect(bad.status == 400)
        #expect(outside.status == 303 && outside.header("Location") == "/")
    }
}
