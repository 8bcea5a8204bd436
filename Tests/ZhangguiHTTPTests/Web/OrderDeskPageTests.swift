import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiStore

@Suite("the dashboard and the order desk")
struct OrderDeskPageTests {
    @Test("the dashboard counts orders waiting for review and lists stock with nothing available")
    func dashboard() async throws {
        let shop = try APIShop()
        try shop.database.write { try $0.execute("UPDATE stock_balances SET reserved = on_hand") }
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let page = try await browser.get("/")

        #expect(page.status == 200)
        #expect(page.text.contains("待审核</div><div class=\"figure\">2</div>"))
        #expect(page.text.contains("<td>CUP</td>") && page.text.contains("库存预警"))
    }

    @Test("the desk lists the company's orders, filters by phone tail and refuses a bad filter by name")
    func list() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("customerservice@a.example")
        let all = try await browser.get("/orders")
        let byPhone = try await browser.get("/orders?phone=8000&state=pendingReview&sort=paid")
        let otherPhone = try await browser.get("/orders?phone=1234")
        let bad = try await browser.get("/orders?phone=12ab")
        let badSort = try await browser.get("/orders?sort=paid_fen;DROP")

        #expect(all.status == 200 && all.text.contains(">A1</a>") && all.text.contains(">A2</a>"))
        #expect(!all.text.contains(">B1</a>"))
        #expect(byPhone.text.contains(">A1</a>"))
        #expect(!otherPhone.text.contains(">A1</a>") && otherPhone.text.contains("没有符合条件的订单"))
        #expect(bad.status == 400 && bad.text.contains("手机尾号"))
        #expect(badSort.status == 400 && badSort.text.contains("排序"))
    }

    @Test("pages never hold more than one page of rows, and the next link continues after the last")
    func paging() async throws {
        let shop = try APIShop()
        let extra = (1...55).map { "P\($0)" }
        try APIShop.addOrders(extra, to: shop)
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let first = try await browser.get("/orders?sort=id")
        let next = try #require(Self.nextLink(in: first.text))
        let second = try await browser.get(next)

        #expect(first.text.components(separatedBy: "name=\"id\"").count - 1 == 50)
        #expect(second.text.components(separatedBy: "name=\"id\"").count - 1 == 7)
        #expect(second.text.contains(">P55</a>") && !second.text.contains(">A1</a>"))
    }

    @Test("bulk approve changes the chosen orders and the order page shows the audit history")
    func bulkApprove() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let ids = shop.companyA.tradeIDs.map { ("id", String($0)) }
        let result = try await browser.post("/orders/actions", [("action", "approve")] + ids)
        let order = try await browser.get("/orders/\(shop.companyA.tradeIDs[0])")
        let buttons = ["approve", "hold", "release", "cancel"].filter { order.text.contains("value=\"\($0)\"") }
        let batch = try await browser.post("/orders/actions", [("action", "allocate")] + ids)

        #expect(result.status == 200 && result.text.components(separatedBy: "已审核").count - 1 == 2)
        #expect(order.text.contains("<code>order.approve</code>") && order.text.contains("<td>admin@a.example</td>"))
        #expect(buttons == ["hold", "cancel"])
        #expect(batch.status == 200 && batch.text.contains("已配货 2 个订单"))
    }

    @Test("a buyer note holding a script is shown as text on the order page")
    func escapesNotes() async throws {
        let shop = try APIShop()
        let id = shop.companyA.tradeIDs[0]
        try shop.database.write {
            try $0.execute("UPDATE trades SET buyer_note = ? WHERE id = ?", "<script>alert(1)</script>", id)
        }
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let page = try await browser.get("/orders/\(id)")

        #expect(page.status == 200)
        #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.text.contains("<script"))
    }

    @Test("bad input on the desk is said on the page with a 4xx, never a 500")
    func badInput() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let id = String(shop.companyA.tradeIDs[0])
        let longNote = String(repeating: "长", count: 501)
        let answers = [
            try await browser.post("/orders/actions", [("action", "approve")]),
            try await browser.post("/orders/actions", [("action", "drop table"), ("id", id)]),
            try await browser.post("/orders/actions", [("action", "hold"), ("id", id), ("note", longNote)]),
            try await browser.post("/orders/actions", [("action", "approve")] + (0...50).map { ("id", "\($0)") }),
            try await browser.post("/orders/actions", [("action", "release"), ("id", "abc")]),
            try await browser.get("/orders/abc"),
            try await browser.get("/orders/\(Int64.max)"),
            try await browser.get("/orders?from=2024-13&cursor=x"),
            try await browser.get("/no-such-page"),
        ]
        let statuses = answers.map(\.status)
        let api = try await browser.get("/api/v1/no-such-route")

        #expect(statuses == [400, 400, 400, 400, 200, 404, 404, 400, 404])
        #expect(answers.allSatisfy { $0.header("Content-Type")?.hasPrefix("text/html") == true })
        #expect(answers[0].text.contains("请先勾选订单") && answers[2].text.contains("500"))
        #expect(answers[4].text.contains("找不到该对象"))
        #expect(api.status == 404 && api.header("Content-Type")?.hasPrefix("application/json") == true)
    }

    @Test("a day that does not exist answers 400 naming the filter; 29 February of a leap year is a day")
    func impossibleDays() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let badMonth = try await browser.get("/orders?from=2026-13-01")
        let badDay = try await browser.get("/orders?to=2026-02-30")
        let leapDay = try await browser.get("/orders?from=2024-02-29")

        #expect(badMonth.status == 400 && badMonth.text.contains("筛选条件“从”无效"))
        #expect(badDay.status == 400 && badDay.text.contains("筛选条件“到”无效"))
        #expect(leapDay.status == 200)
    }

    static func nextLink(in page: String) -> String? {
        guard let end = page.range(of: "\">下一页</a>") else { return nil }
        let before = page[..<end.lowerBound]
        guard let start = before.range(of: "href=\"", options: .backwards) else { return nil }
        return String(before[start.upperBound...]).replacingOccurrences(of: "&amp;", with: "&")
    }
}

@Suite("pages and buttons follow the user's permissions")
struct PagePermissionTests {
    @Test("the warehouse sees no review buttons, and posting an approval anyway is 403 with nothing changed")
    func reviewRefused() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("warehouse@a.example")
        let desk = try await browser.get("/orders")
        let id = shop.companyA.tradeIDs[0]
        let approve = try await browser.post("/orders/actions", [("action", "approve"), ("id", String(id))])
        let state = try shop.database.read { try APIQueries($0).stateOfTrade(id, companyID: shop.companyA.id) }

        #expect(
            desk.status == 200 && !desk.text.contains("value=\"approve\"") && desk.text.contains("value=\"allocate\"")
        )
        #expect(approve.status == 403 && approve.text.contains("没有权限"))
        #expect(state == "pendingReview")
    }

    @Test("customer service sees no fulfilment buttons and cannot run a batch step")
    func fulfilmentRefused() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("customerservice@a.example")
        let desk = try await browser.get("/orders")
        let ship = try await browser.post("/orders/actions", [("action", "ship")])

        #expect(!desk.text.contains("value=\"ship\"") && desk.text.contains("value=\"approve\""))
        #expect(ship.status == 403)
    }

    @Test("a user without orders.read has no order link, and the desk answers 403")
    func noOrders() async throws {
        let shop = try APIShop()
        let accounts = AccountService(database: shop.database)
        let now = Int64(Date().timeIntervalSince1970)
        let attempt = SignInAttempt(email: "admin@a.example", password: APIShop.password, address: "")
        let admin = try accounts.validateSession(try accounts.signIn(attempt, now: now).sessionToken, now: now)
        let role = try accounts.createRole(name: "看库存", permissions: [.stockRead], by: admin, now: now)
        let user = NewUser(
            email: "stock@a.example",
            displayName: "stock",
            password: APIShop.password,
            roleIDs: [role],
            scope: .everything
        )
        _ = try accounts.createUser(user, by: admin, now: now)
        let browser = Browser(shop)
        try await browser.signIn("stock@a.example")
        let dashboard = try await browser.get("/")
        let desk = try await browser.get("/orders")
        let order = try await browser.get("/orders/\(shop.companyA.tradeIDs[0])")

        #expect(dashboard.status == 200 && !dashboard.text.contains("href=\"/orders\""))
        #expect(desk.status == 403 && order.status == 403)
    }

    @Test("another company's order is not found, on the page and through the actions")
    func otherCompany() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let other = shop.companyB.tradeIDs[0]
        let page = try await browser.get("/orders/\(other)")
        let action = try await browser.post("/orders/actions", [("action", "approve"), ("id", String(other))])
        let state = try shop.database.read { try APIQueries($0).stateOfTrade(other, companyID: shop.companyB.id) }

        #expect(page.status == 404)
        #expect(action.text.contains("找不到该对象"))
        #expect(state == "pendingReview")
    }
}
