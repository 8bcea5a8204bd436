import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiStore

@Suite("the admin pages: users, roles and data scopes")
struct AdminPageTests {
    /// The admin of company A, as the services see them.
    static func admin(_ shop: APIShop) throws -> Principal {
        let accounts = AccountService(database: shop.database)
        let now = Int64(Date().timeIntervalSince1970)
        let attempt = SignInAttempt(email: "admin@a.example", password: APIShop.password, address: "")
        return try accounts.validateSession(try accounts.signIn(attempt, now: now).sessionToken, now: now)
    }

    static func users(_ shop: APIShop) throws -> [UserSummary] {
        try AccountService(database: shop.database).users(by: try admin(shop))
    }

    @Test("the admin lists the company's users, adds one with a role, and a name holding markup is shown as text")
    func addUser() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let dashboard = try await browser.get("/")
        let list = try await browser.get("/admin/users")
        let warehouseRole = try #require(
            try AccountService(database: shop.database).roles(by: try Self.admin(shop))
                .first { $0.role.builtIn == .warehouse }?.id
        )
        let added = try await browser.post(
            "/admin/users",
            [
                ("email", "Packer@A.example"), ("name", "<b>打包</b>"), ("password", APIShop.password),
                ("role", String(warehouseRole)),
            ]
        )
        let user = try #require(try Self.users(shop).first { $0.email == "packer@a.example" })

        #expect(dashboard.text.contains("href=\"/admin/users\""))
        #expect(list.status == 200 && list.text.contains("warehouse@a.example") && !list.text.contains("b.example"))
        #expect(added.status == 200 && added.text.contains("已添加用户 packer@a.example"))
        #expect(added.text.contains("&lt;b&gt;打包&lt;/b&gt;") && !added.text.contains("<b>打包"))
        #expect(user.roleIDs == [warehouseRole] && user.displayName == "<b>打包</b>" && user.scope == .everything)
    }

    @Test("in English the roles page names built-in roles and permissions in English, codes alongside")
    func rolesInEnglish() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        browser.setCookie("zg_lang", "en")
        let roles = try await browser.get("/admin/roles")
        let users = try await browser.get("/admin/users")

        #expect(roles.status == 200)
        #expect(roles.text.contains("<td>Customer service</td>") && !roles.text.contains("<td>客服</td>"))
        #expect(roles.text.contains("Review orders <code>orders.review</code>"))
        #expect(users.text.contains("Warehouse</label>"))
    }

    @Test("bad input is answered 4xx with its message, and nothing is added")
    func badInput() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let before = try Self.users(shop).count
        let fields = [("email", "new@a.example"), ("name", "新人"), ("password", APIShop.password)]
        let answers = [
            try await browser.post("/admin/users", fields),
            try await browser.post("/admin/users", fields + [("role", "abc")]),
            try await browser.post("/admin/users", [("email", "new@a.example"), ("password", "short"), ("role", "1")]),
            try await browser.post(
                "/admin/users",
                [("email", "admin@a.example"), ("password", APIShop.password)]
                    + [("role", "1")]
            ),
            try await browser.post("/admin/roles", [("name", "空")]),
            try await browser.post("/admin/roles", [("name", "坏"), ("permission", "orders.everything")]),
            try await browser.get("/admin/users/999999"),
            try await browser.post(
                "/admin/users",
                [("email", "new a.example"), ("password", APIShop.password), ("role", "1")]
            ),
            try await browser.post(
                "/admin/users",
                [("email", "new@a.example"), ("name", String(repeating: "长", count: 101))]
                    + [("password", APIShop.password), ("role", "1")]
            ),
        ]

        #expect(answers.map(\.status) == [400, 400, 400, 409, 400, 400, 404, 400, 400])
        // Each names its own field; the form has no company name to check.
        #expect(answers[7].text.contains("邮箱地址无效") && !answers[7].text.contains("公司名称"))
        #expect(answers[8].text.contains("姓名须为 1 到 100 个字符"))
        #expect(answers[0].text.contains("请至少勾选一个角色") && answers[2].text.contains("12"))
        #expect(answers[3].text.contains("该邮箱已有账号"))
        #expect(answers[4].text.contains("请至少勾选一项权限"))
        #expect(try Self.users(shop).count == before)
    }

    @Test("the admin disables a user, changes their roles and shops, and defines a role")
    func changeAccess() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let clerk = try #require(shop.companyA.userIDs[.warehouse])
        let service = try #require(shop.companyA.userIDs[.customerService])
        let shopID = try #require(
            try shop.database.read { try DeskQueries($0).shopRows(companyID: shop.companyA.id) }.first?.id
        )
        let roles = try AccountService(database: shop.database).roles(by: try Self.admin(shop))
        let finance = try #require(roles.first { $0.role.builtIn == .finance }?.id)

        let page = try await browser.get("/admin/users/\(clerk)")
        let rolesSaved = try await browser.post("/admin/users/\(clerk)/roles", [("role", String(finance))])
        let saved = try await browser.post(
            "/admin/users/\(clerk)/scope",
            [("shop", String(shopID)), ("warehouses", "all")]
        )
        let disabled = try await browser.post("/admin/users/\(service)/disable", [])
        let role = try await browser.post(
            "/admin/roles",
            [("name", "只看订单"), ("permission", "orders.read"), ("permission", "stock.read")]
        )
        let users = try Self.users(shop)
        let changed = try #require(users.first { $0.id == clerk })
        let custom = try AccountService(database: shop.database).roles(by: try Self.admin(shop))
            .first { $0.role.name == "只看订单" }

        #expect(page.status == 200 && page.text.contains("value=\"all\" checked"))
        #expect(rolesSaved.status == 200 && saved.status == 200)
        #expect(saved.text.contains("已保存 warehouse@a.example 的角色与数据范围"))
        #expect(changed.roleIDs == [finance])
        #expect(changed.scope == DataScope(shops: .only([shopID]), warehouses: .all))
        #expect(disabled.status == 200 && users.first { $0.id == service }?.isDisabled == true)
        #expect(role.status == 200 && custom?.role.permissions == [.ordersRead, .stockRead])
    }

    @Test("without users.manage there is no admin link, and every admin page and post is 403 with nothing changed")
    func refused() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("customerservice@a.example")
        let clerk = try #require(shop.companyA.userIDs[.warehouse])
        let before = try Self.users(shop)
        let dashboard = try await browser.get("/")
        let answers = [
            try await browser.get("/admin/users"),
            try await browser.get("/admin/users/\(clerk)"),
            try await browser.get("/admin/roles"),
            try await browser.post("/admin/users", [("email", "x@a.example"), ("password", APIShop.password)]),
            try await browser.post("/admin/users/\(clerk)/disable", []),
            try await browser.post("/admin/users/\(clerk)/roles", [("role", "1")]),
            try await browser.post("/admin/users/\(clerk)/scope", [("shops", "all")]),
            try await browser.post("/admin/roles", [("name", "x"), ("permission", "orders.read")]),
        ]

        #expect(!dashboard.text.contains("/admin/users"))
        #expect(answers.allSatisfy { $0.status == 403 })
        #expect(try Self.users(shop) == before)
    }

    @Test("an admin form posted without the session's token is refused and changes nothing")
    func forgedForm() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let clerk = try #require(shop.companyA.userIDs[.warehouse])
        let forged = try await browser.post("/admin/users/\(clerk)/disable", [], csrf: .some(nil))
        let wrong = try await browser.post("/admin/users/\(clerk)/disable", [], csrf: "0123456789abcdef")

        #expect(forged.status == 403 && wrong.status == 403)
        #expect(try Self.users(shop).first { $0.id == clerk }?.isDisabled == false)
    }
}
