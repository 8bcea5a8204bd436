import Foundation
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSecurity
import ZhangguiServices
import ZhangguiStore

/// The API shop with company A's shop TM1 (淘宝) connected to an ``OrderFeed`` holding P1 (listing 1001:2001, 商家编码
/// MUG, which maps by itself) and P2 (listing 1002, 商家编码 NOPE, which maps to nothing), both modified ten minutes
/// before the sync's clock.
struct ShopBed {
    /// 2026-12-05 00:00:00 UTC, 08:00 in Shanghai, in milliseconds: the sync's clock.
    static let now: Int64 = 1_796_428_800_000
    /// The credentials' secrets, which no answer may hold.
    static let accessToken = "access-7f3a9c51-never-shown"
    static let appSecret = "secret-51d2e8-never-shown"

    static let box = try! SecretBox(key: Array(repeating: 9, count: 32))
    static let feed = OrderFeed(stored: [
        OrderFeed.order("P1", itemID: "1001", skuID: "2001", outerID: "MUG", modified: now - 600_000),
        OrderFeed.order("P2", itemID: "1002", skuID: "", outerID: "NOPE", modified: now - 600_000),
    ])

    let shop: APIShop
    let shopID: Int64

    /// - Parameter hasKey: whether the server was started with the credentials' key (and so can sync).
    init(hasKey: Bool = true) throws {
        shop = try APIShop(shopSync: { database in
            hasKey ? SyncService(database: database, channels: Self.feed, box: Self.box, nowMillis: { Self.now }) : nil
        })
        let credentials = ShopCredentials(
            platform: .taobao,
            appKey: "app-key",
            appSecret: Self.appSecret,
            authorization: ShopAuthorization(accessToken: Self.accessToken, accessExpiresAtMillis: Int64.max / 2),
            endpoint: "http://127.0.0.1:9/router/rest"
        )
        shopID = try ShopService(database: shop.database, box: Self.box)
            .connect(code: "TM1", name: "天猫旗舰店", credentials: credentials, companyID: shop.companyA.id)
    }

    /// The sealed credentials as stored, which no answer may hold either.
    func sealedCredentials() throws -> String {
        try shop.database.read {
            try ShopConnectionRecords($0).find(shopID: shopID, companyID: shop.companyA.id)?.sealedCredentials ?? ""
        }
    }

    /// Whether `text` holds any secret of the shop's credentials.
    func holdsSecret(_ text: String) throws -> Bool {
        let sealed = try sealedCredentials()
        return text.contains(Self.accessToken) || text.contains(Self.appSecret)
            || (!sealed.isEmpty && text.contains(sealed))
    }

    /// The audit log's actions about the shop, oldest first.
    func auditedActions() throws -> [String] {
        try shop.database.read { connection in
            try connection.query(
                "SELECT action FROM audit_log WHERE object_type = 'shop' AND object_id = ? ORDER BY id",
                String(shopID)
            ).map { $0.string(0) }
        }
    }

    /// The state of company A's trade for platform order `id`.
    func tradeState(_ id: String) throws -> String? {
        try shop.database.read { connection in
            try connection.queryOne(
                "SELECT state FROM trades WHERE company_id = ? AND platform_order_id = ?",
                shop.companyA.id,
                id
            )?.string(0)
        }
    }
}
