import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSecurity
import ZhangguiServices
import ZhangguiStore

@Suite("the shops page and the shops on the dashboard")
struct ShopPageTests {
    /// A platform that refuses the seller's grant on every call, as a platform does once 授权过期.
    struct GrantRefused: ShopChannelFactory {
        func channel(for credentials: ShopCredentials) throws -> any ShopChannel {
            throw ChannelError.authorizationExpired(code: "27", message: "session expired")
        }
    }

    static let box = try! SecretBox(key: Array(repeating: 7, count: 32))

    /// Connects shop TM1 (淘宝) to company A and returns its id.
    @discardableResult
    static func connect(_ shop: APIShop) throws -> Int64 {
        let credentials = ShopCredentials(
            platform: .taobao,
            appKey: "key",
            appSecret: "secret",
            authorization: ShopAuthorization(accessToken: "token", accessExpiresAtMillis: Int64.max / 2),
            endpoint: "http://127.0.0.1:9/router/rest"
        )
        return try ShopService(database: shop.database, box: box)
            .connect(code: "TM1", name: "天猫<旗舰>", credentials: credentials, companyID: shop.companyA.id)
    }

    @Test("sync now runs the shop's sync: a refused grant turns the shop 授权过期, loudly on the shops page and dashboard")
    func syncNow() async throws {
        let shop = try APIShop(shopSync: { SyncService(database: $0, channels: GrantRefused(), box: Self.box) })
        let shopID = try Self.connect(shop)
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let before = try await browser.get("/shops")
        let synced = try await browser.post("/shops/\(shopID)/sync", [])
        let dashboard = try await browser.get("/")
        let status = try shop.database.read {
            try ShopConnectionRecords($0).find(shopID: shopID, companyID: shop.companyA.id)?.status
        }

        #expect(before.status == 200 && before.text.contains("TM1 天猫&lt;旗舰&gt;") && before.text.contains("从未"))
        #expect(before.text.contains("action=\"/shops/\(shopID)/sync\"") && !before.text.contains("class=\"alarm\""))
        #expect(synced.status == 200 && synced.text.contains("同步中断：TM1，授权过期"))
        #expect(synced.text.contains("<td class=\"alarm\">授权过期</td>") && synced.text.contains("session expired"))
        #expect(dashboard.text.contains("<p class=\"alarm\">授权过期：TM1。"))
        #expect(status == .authorizationExpired)
    }

    @Test("a pass whose orders came in but whose confirmations failed shows those errors, not only the newest run's")
    func problemsOfEachKind() async throws {
        let shop = try APIShop()
        let shopID = try Self.connect(shop)
        try shop.database.write { connection in
            let runs = SyncRunRecords(connection)
            let companyID = shop.companyA.id
            let orders = try runs.start(.orders, window: (0, 1), atMillis: 1_000, shopID: shopID, companyID: companyID)
            try runs.finish(orders, outcome: .done, error: nil, atMillis: 2_000)
            let shipments = try runs.start(
                .shipments,
                window: nil,
                atMillis: 3_000,
                shopID: shopID,
                companyID: companyID
            )
            var failed = SyncCounts()
            failed.errors = 38
            try runs.add(failed, reachedMillis: nil, error: "courier ZG has no 淘宝 code", runID: shipments)
            try runs.finish(shipments, outcome: .done, error: nil, atMillis: 4_000)
            let stock = try runs.start(.stock, window: nil, atMillis: 5_000, shopID: shopID, companyID: companyID)
            try runs.finish(stock, outcome: .done, error: nil, atMillis: 6_000)
        }
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let page = try await browser.get("/shops")

        // The newest run (stock pushes) met no error; the confirmations before it met 38.
        #expect(page.text.contains("<div>发货回传：38 个错误，最近一个：courier ZG has no 淘宝 code</div>"))
        #expect(!page.text.contains("库存回传："))
    }

    @Test("a server without the credentials' key says so; a user who may not import sees no button and gets 403")
    func refused() async throws {
        let shop = try APIShop()
        let shopID = try Self.connect(shop)
        let admin = Browser(shop)
        try await admin.signIn("admin@a.example")
        let unavailable = try await admin.post("/shops/\(shopID)/sync", [])
        let unknown = try await admin.post("/shops/999999/sync", [])
        let service = Browser(shop)
        try await service.signIn("customerservice@a.example")
        let page = try await service.get("/shops")
        let post = try await service.post("/shops/\(shopID)/sync", [])
        let forged = try await admin.post("/shops/\(shopID)/sync", [], csrf: .some(nil))
        let runs = try shop.database.read {
            try SyncRunRecords($0).recent(shopID: shopID, companyID: shop.companyA.id, limit: 10)
        }

        #expect(unavailable.status == 503 && unavailable.text.contains("ZHANGGUI_SECRET_KEY"))
        #expect(unknown.status == 404)
        #expect(page.status == 200 && page.text.contains("TM1") && !page.text.contains("/sync\""))
        #expect(post.status == 403 && forged.status == 403)
        #expect(runs.isEmpty)
    }

    @Test("another company's shop is neither listed nor synced")
    func otherCompany() async throws {
        let shop = try APIShop(shopSync: { SyncService(database: $0, channels: GrantRefused(), box: Self.box) })
        let shopID = try Self.connect(shop)
        let browser = Browser(shop)
        try await browser.signIn("admin@b.example")
        let page = try await browser.get("/shops")
        let post = try await browser.post("/shops/\(shopID)/sync", [])

        #expect(page.status == 200 && !page.text.contains("TM1"))
        #expect(post.status == 404)
    }
}
