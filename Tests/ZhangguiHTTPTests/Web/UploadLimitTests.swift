import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP

@Suite("bodies over the limit: a page answers a page, imports take real export sizes")
struct UploadLimitTests {
    /// 2 MiB: over the default 1 MiB limit, far under the 64 MiB upload limit.
    static let twoMebibytes = String(repeating: "x", count: 2 << 20)

    @Test("a form over 1 MiB gets a 413 page in the user's language; the import preview accepts it")
    func pages() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let action = try await browser.post("/orders/actions", [("action", "approve"), ("note", Self.twoMebibytes)])
        let preview = try await browser.post("/imports/preview", [("file", Self.twoMebibytes)])

        #expect(action.status == 413)
        #expect(action.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(action.text.contains("提交的内容超过了服务器允许的大小"))
        // Reaches the page, which says the form is not a file upload.
        #expect(preview.status == 400)
        #expect(preview.header("Content-Type")?.hasPrefix("text/html") == true)
    }

    @Test("the API's import route takes 2 MiB; another API route answers 413 in JSON")
    func api() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)
        let body = Data(("code,name\n" + Self.twoMebibytes).utf8)
        let path = "/api/v1/imports/products?dryRun=1&name=p.csv"
        let imported = try await shop.call("POST", path, as: admin, body: body)
        let other = try await shop.call("POST", "/api/v1/orders/1/approve", as: admin, body: body)

        #expect(imported.status != 413)
        #expect(other.status == 413)
        #expect(try other.error["code"] as? String == "body_too_large")
    }
}
