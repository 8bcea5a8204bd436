import Foundation
import ZhangguiCore
import ZhangguiSecurity
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

/// A company with warehouse MAIN, one shop TB connected to a scripted platform, and a clock tests move by hand.
final class SyncBed: Sendable {
    let shop: TestShop
    let channel: ScriptedChannel
    let clock: TestClock
    let box: SecretBox
    let shopID: Int64

    /// 2026-12-05 00:00:00 UTC (08:00 in Shanghai), in milliseconds.
    static let midnight: Int64 = 1_796_428_800_000

    init(
        _ engine: Engine,
        now: Int64 = SyncBed.midnight,
        plan: SyncPlan = SyncPlan(overlapMillis: 0, safetyLagMillis: 0, firstLookbackMillis: 3_600_000),
        maximumWindowMillis: Int64 = 86_400_000,
        pageDelay: UInt32 = 0,
        grant: ShopAuthorization = ShopAuthorization(accessToken: "token-1", accessExpiresAtMillis: .max)
    ) throws {
        shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        channel = ScriptedChannel(maximumWindowMillis: maximumWindowMillis, pageDelay: pageDelay)
        clock = TestClock(now)
        box = try SecretBox(key: try SecureRandom.bytes(32))
        let credentials = ShopCredentials(
            platform: .taobao,
            appKey: "app-key",
            appSecret: "app-secret",
            authorization: grant,
            endpoint: "http://127.0.0.1:1/router/rest"
        )
        let shops = ShopService(database: shop.database, box: box)
        shopID = try shops.connect(
            code: "TB",
            name: "淘宝店",
            credentials: credentials,
            plan: plan,
            companyID: shop.companyID
        )
        // The test company's courier ZG is no real courier: the shop names it in TOP's code by hand.
        try shops.setCourierCode("ZG", platformCode: "ZTO", code: "TB", companyID: shop.companyID)
    }

    var companyID: Int64 { shop.companyID }
    var database: TestDatabase { shop.database }

    var sync: SyncService {
        let clock = clock
        return SyncService(
            database: shop.database,
            channels: ScriptedChannels(channel: channel),
            box: box,
            nowMillis: { clock.millis }
        )
    }

    @discardableResult
    func runOnce() throws -> SyncReport {
        try sync.runOnce(company: companyID, shop: shopID)
    }

    func connection() throws -> ShopConnection {
        try ShopService(database: database, box: box).shop(code: "TB", companyID: companyID)
    }

    /// The trades of the shop: platform order id, state, paid-at seconds.
    func trades() throws -> [(orderID: String, state: TradeState, paidAt: Int64?, businessDate: String)] {
        try database.read { connection in
            let records = TradeRecords(connection, currency: .cny)
            return try ["pendingReview", "onHold", "approved", "allocated", "waybilled", "shipped", "cancelled"]
                .flatMap {
                    try records.batch(companyID: companyID, state: TradeState(rawValue: $0)!, afterID: 0, limit: 1000)
                }
                .sorted { $0.id < $1.id }
                .map { ($0.platformOrderID, $0.state, $0.paidAt, $0.businessDate) }
        }
    }

    func holds(_ platformOrderID: String) throws -> [Hold] {
        try shop.review.holds(tradeID: try shop.tradeID(platformOrderID), companyID: companyID)
    }

    func runs() throws -> [SyncRun] {
        try database.read { try SyncRunRecords($0).recent(shopID: shopID, companyID: companyID, limit: 100) }.reversed()
    }

    /// The company's open alerts, oldest first.
    func alerts() throws -> [AlertRecord] {
        try AlertService(database: database).alerts(companyID: companyID).reversed()
    }

    /// How many rows each table sync writes holds, to show that something changed nothing.
    func rowCounts() throws -> [String: Int64] {
        let tables = [
            "trades", "trade_lines", "trade_holds", "stock_ledger", "platform_orders", "after_sales", "platform_skus",
        ]
        return try database.read { connection in
            var counts: [String: Int64] = [:]
            for table in tables {
                counts[table] = try connection.queryOne("SELECT COUNT(*) FROM \(table)")?.int(0) ?? 0
            }
            return counts
        }
    }
}

/// A receiver as the platform gives it: masked phone, real divisions.
let maskedReceiver = Receiver(
    name: "张*",
    phone: "138****8000",
    province: "上海",
    city: "上海市",
    district: "黄浦区",
    address: "示例路**号"
)

/// A platform order with lines of (商家编码, quantity, unit price in fen), paid a minute after it was created.
func platformOrder(
    _ id: String,
    modified: Int64,
    status: PlatformOrderStatus = .awaitingShipment,
    lines: [(String, Int64, Int64)] = [("A", 1, 1000)],
    paid: Int64? = nil,
    sellerMemo: String = ""
) -> PlatformOrder {
    let orderLines = lines.enumerated().map { index, line in
        PlatformOrderLine(
            lineID: "\(id)-\(index + 1)",
            itemID: "item-\(line.0)",
            skuID: "sku-\(line.0)",
            outerID: line.0,
            title: "商品\(line.0)",
            quantity: line.1,
            unitPrice: Money(fen: line.2)
        )
    }
    let total = lines.reduce(Int64(0)) { $0 + $1.1 * $1.2 }
    return PlatformOrder(
        platformOrderID: id,
        status: status,
        createdAtMillis: modified - 120_000,
        paidAtMillis: status == .pendingPayment ? nil : modified - 60_000,
        modifiedAtMillis: modified,
        receiver: maskedReceiver,
        receiverOpenID: "oaid-\(id)",
        lines: orderLines,
        paid: Money(fen: paid ?? total),
        sellerMemo: sellerMemo,
        rawPayload: "{\"tid\":\"\(id)\",\"modified\":\(modified)}"
    )
}
