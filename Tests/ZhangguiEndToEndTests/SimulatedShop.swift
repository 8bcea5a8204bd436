import Foundation
import ZhangguiChannels
import ZhangguiCore
import ZhangguiSecurity
import ZhangguiServices
import ZhangguiSimulator
import ZhangguiStore
import ZhangguiTestSupport

/// The simulator on 127.0.0.1 in this process, and one company whose shop is connected to it through
/// `ShopService` with the credentials the simulator issued, synced by the product's own clients.
///
/// The company has warehouse MAIN holding 10 of SKU-1 and 10 of SKU-2 (list price 10.00, cost 5.00); the platform
/// lists them under the same 商家编码, so every line maps by itself. Both clocks are the simulator's, frozen.
final class SimulatedShop: Sendable {
    let host: SimulatorHost
    let simShop: SimShop
    let database: TestDatabase
    let companyID: Int64
    let shopID: Int64
    let box: SecretBox
    let sync: SyncService
    let accessToken: String
    let platform: Platform

    /// 2026-12-05 02:00:00 UTC (10:00 in Shanghai), in milliseconds.
    static let start: Int64 = 1_796_436_000_000

    /// Every receiver resolves; the address check is not what these tests are about.
    static let anywhere: AddressChecker = { _, _, _ in .valid(divisionCode: "310101") }

    init(_ platform: Platform, engine: Engine) throws {
        self.platform = platform
        host = try SimulatorHost(basePort: 0)
        let world = host.simulator.world
        world.setClock(millis: Self.start)
        simShop = SimShop(
            shopID: "e2e-\(platform.rawValue)",
            platform: platform,
            appKey: "e2e-\(platform.rawValue)-key",
            appSecret: "e2e-\(platform.rawValue)-secret",
            signSecret: platform == .kuaishou ? "e2e-kuaishou-sign-secret" : ""
        )
        world.addShop(simShop)
        let grant = try world.issueGrant(shopID: simShop.shopID)
        accessToken = grant.accessToken

        database = try engine.makeDatabase()
        try Migrator.migrate(database)
        let setup = CompanySetup(database: database)
        companyID = try setup.createCompany(name: "联调店")
        try setup.addWarehouse(Warehouse(code: "MAIN", name: "MAIN", priority: 1, regions: []), companyID: companyID)
        try setup.setWaybillRange(
            courierCode: Self.courierCode,
            prefix: "ZT",
            first: 1,
            last: 999_999,
            companyID: companyID
        )
        try Self.addStock(["SKU-1", "SKU-2"], database: database, companyID: companyID)

        box = try SecretBox(key: try SecureRandom.bytes(32))
        let credentials = ShopCredentials(
            platform: platform,
            appKey: simShop.appKey,
            appSecret: simShop.appSecret,
            signSecret: simShop.signSecret,
            authorization: ShopAuthorization(
                accessToken: grant.accessToken,
                accessExpiresAtMillis: grant.accessExpiresMillis,
                refreshToken: grant.refreshToken,
                refreshExpiresAtMillis: grant.refreshExpiresMillis
            ),
            endpoint: Self.endpoint(platform, host.url(for: platform))
        )
        shopID = try ShopService(database: database, box: box)
            .connect(code: "SHOP", name: "联调店", credentials: credentials, companyID: companyID)
        let factory = PlatformChannelFactory(
            settings: Self.settings(host),
            clock: { world.nowMillis },
            log: .silent
        )
        sync = SyncService(database: database, channels: factory, box: box, nowMillis: { world.nowMillis })
    }

    deinit {
        host.stop()
    }

    var world: SimWorld { host.simulator.world }

    /// Where each platform's gateway answers, as a seller would write it in the credentials.
    static func endpoint(_ platform: Platform, _ base: String) -> String {
        switch platform {
        case .taobao: base + "/router/rest"
        case .jd: base + "/routerjson"
        case .pinduoduo: base + "/api/router"
        case .doudian, .kuaishou: base
        case .xiaohongshu: base + "/ark/open_api/v3/common_controller"
        }
    }

    /// The company's courier: 中通, by our code; each platform gets its own code for it (PlatformCourierCodes).
    static let courierCode = "ZTO"

    /// 中通 as the simulator records it per platform: TOP `ZTO`, JD 1499, PDD 115, 快手 9, 小红书 `zto` from the
    /// built-in table; 抖店 has none, so its test shop names it `zhongtong` by hand.
    static func platformCourierCode(_ platform: Platform) -> String {
        switch platform {
        case .taobao: "ZTO"
        case .jd: "1499"
        case .pinduoduo: "115"
        case .doudian: "zhongtong"
        case .kuaishou: "9"
        case .xiaohongshu: "zto"
        }
    }

    /// The clients' defaults, with JD's OAuth URL on the simulator (no call may leave this machine) and the
    /// simulator's rate-limit codes where the spec names none.
    static func settings(_ host: SimulatorHost) -> ChannelSettings {
        var settings = ChannelSettings()
        settings.jd.refreshTokenURL = host.url(for: .jd) + "/oauth2/refresh_token"
        settings.jd.rateLimitCodes = ["2"]
        settings.pinduoduo.rateLimitCodes = ["70031"]
        return settings
    }

    private static func addStock(_ codes: [String], database: TestDatabase, companyID: Int64) throws {
        try database.write { connection in
            var products = ImportReport(kind: "products", file: "e2e")
            let drafts = codes.enumerated().map { index, code in
                ProductDraft(row: index + 2, sku: SKU(code: code, name: code, listPrice: Money(fen: 1000)))
            }
            try CatalogService().add(drafts, into: &products, companyID: companyID, connection: connection)
            let context = try CompanyContext.load(companyID, from: connection)
            var opening = ImportReport(kind: "opening", file: "e2e")
            let lines = codes.enumerated().map { index, code in
                OpeningStockLine(
                    row: index + 2,
                    warehouseCode: "MAIN",
                    skuCode: code,
                    quantity: 10,
                    unitCost: Money(fen: 500)
                )
            }
            try OpeningStockService().receive(lines, into: &opening, context: context, connection: connection)
        }
    }

    /// A paid order on the platform, created a minute before the simulator's now; `lines` are (商家编码, quantity,
    /// unit price in fen) and list under item `6000<n>`, SKU `5000<n>` for SKU-n.
    @discardableResult
    func placeOrder(_ lines: [(String, Int64, Int64)], freightFen: Int64 = 0, discountFen: Int64 = 0) throws -> SimOrder
    {
        let simLines = lines.map { code, quantity, price in
            let number = code.split(separator: "-").last.map(String.init) ?? "0"
            return SimOrderLine(
                itemID: "6000\(number)",
                skuID: "5000\(number)",
                outerID: code,
                title: "商品\(code)",
                quantity: quantity,
                unitPriceFen: price
            )
        }
        let draft = SimOrderDraft(
            lines: simLines,
            freightFen: freightFen,
            discountFen: discountFen,
            createdMillis: world.nowMillis - 60_000
        )
        return try world.createOrder(shopID: simShop.shopID, draft)
    }

    /// Names our courier in the platform's code for this shop (`zhanggui shop set --courier`).
    func setCourierCode(_ courierCode: String, _ platformCode: String) throws {
        try ShopService(database: database, box: box)
            .setCourierCode(courierCode, platformCode: platformCode, code: "SHOP", companyID: companyID)
    }

    /// The last error of the newest shipment-confirmation run.
    func lastConfirmationError() throws -> String {
        try database.read { try SyncRunRecords($0).recent(shopID: shopID, companyID: companyID, limit: 10) }
            .first { $0.kind == .shipments }?.lastError ?? ""
    }

    /// Moves the simulator's clock a minute on, past the sync's safety lag, and runs one pass.
    @discardableResult
    func syncAMinuteLater() throws -> SyncReport {
        world.advanceClock(seconds: 60)
        return try sync.runOnce(company: companyID, shop: shopID)
    }

    func trade(_ platformOrderID: String) throws -> StoredTrade {
        try database.read { connection in
            let records = TradeRecords(connection, currency: .cny)
            let id = try records.ids(platformOrderID: platformOrderID, companyID: companyID)[0]
            return try records.trade(id: id, companyID: companyID)!
        }
    }

    func holds(_ platformOrderID: String) throws -> [Hold] {
        try ReviewService(database: database, checkAddress: Self.anywhere)
            .holds(tradeID: try trade(platformOrderID).id, companyID: companyID)
    }

    /// Review; a clerk approves `platformOrderID` by hand if review held it (waiving the phone check, which an
    /// encrypted or hidden receiver cannot pass); then allocation, waybills and shipping, once each.
    /// - Returns: the holds review raised on `platformOrderID`, and what shipped.
    func ship(_ platformOrderID: String) throws -> (holds: [Hold], shipped: ShippingSummary) {
        let review = ReviewService(database: database, checkAddress: Self.anywhere)
        _ = try review.reviewPending(companyID: companyID)
        let trade = try trade(platformOrderID)
        let holds = try review.holds(tradeID: trade.id, companyID: companyID)
        if trade.state == .onHold { _ = try review.approve(tradeID: trade.id, companyID: companyID) }
        _ = try AllocationService(database: database).allocateApproved(companyID: companyID)
        _ = try WaybillService(database: database, courier: OfflineRangeCourier(code: Self.courierCode))
            .waybillAllocated(companyID: companyID)
        return (holds, try ShippingService(database: database).shipWaybilled(companyID: companyID))
    }

    func openAlerts() throws -> [AlertRecord] {
        try AlertService(database: database).alerts(companyID: companyID, kind: .shopAuthorizationExpired)
    }

    func status() throws -> ShopStatus {
        try ShopService(database: database, box: box).shop(code: "SHOP", companyID: companyID).status
    }
}
