import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices
import ZhangguiSimulator

/// The product's platform clients (ZhangguiChannels, over libcurl) against the simulator on 127.0.0.1: what the
/// simulator proves about them, and they about it.
@Suite(.serialized) struct ClientAgainstSimulatorTests {
    static let now = SimulatorFixture.epoch

    struct Setup {
        let host: SimulatorHost
        let shop: SimShop
        let channel: any ShopChannel
        let credentials: ShopCredentials
        var world: SimWorld { host.simulator.world }
    }

    static func endpoint(_ platform: Platform, _ base: String) -> String {
        switch platform {
        case .taobao: base + "/router/rest"
        case .jd: base + "/routerjson"
        case .pinduoduo: base + "/api/router"
        case .doudian, .kuaishou: base
        case .xiaohongshu: base + "/ark/open_api/v3/common_controller"
        }
    }

    /// The clients' defaults, pointed at the simulator where a URL is not derived from the endpoint (JD's OAuth
    /// host: no call may leave this machine), and told the simulator's rate-limit codes where the spec has none
    /// (PDD) or the client's default lacks JD's documented code 2.
    static func settings(_ host: SimulatorHost) -> ChannelSettings {
        var settings = ChannelSettings()
        settings.jd.refreshTokenURL = host.url(for: .jd) + "/oauth2/refresh_token"
        settings.jd.rateLimitCodes = ["2"]
        settings.pinduoduo.rateLimitCodes = ["70031"]
        return settings
    }

    static func setUp(_ platform: Platform) throws -> Setup {
        let host = try SimulatorHost(basePort: 0)
        let world = host.simulator.world
        world.setClock(millis: now)
        let shop = SimShop(
            shopID: "s-\(platform.rawValue)",
            platform: platform,
            appKey: "key-\(platform.rawValue)",
            appSecret: "secret-\(platform.rawValue)",
            signSecret: platform == .kuaishou ? "sign-secret" : ""
        )
        world.addShop(shop)
        let grant = try world.issueGrant(shopID: shop.shopID)
        let credentials = ShopCredentials(
            platform: platform,
            appKey: shop.appKey,
            appSecret: shop.appSecret,
            signSecret: shop.signSecret,
            authorization: ShopAuthorization(
                accessToken: grant.accessToken,
                accessExpiresAtMillis: grant.accessExpiresMillis,
                refreshToken: grant.refreshToken,
                refreshExpiresAtMillis: grant.refreshExpiresMillis
            ),
            endpoint: endpoint(platform, host.url(for: platform))
        )
        let factory = PlatformChannelFactory(settings: settings(host), clock: { world.nowMillis }, log: .silent)
        return Setup(host: host, shop: shop, channel: try factory.channel(for: credentials), credentials: credentials)
    }

    static func seed(_ setup: Setup) throws -> [SimOrder] {
        try (1...3).map { index in
            let line = SimOrderLine(
                itemID: "60010\(index)",
                skuID: "50010\(index)",
                outerID: "SKU-\(index)",
                title: "商品\(index)",
                quantity: Int64(index),
                unitPriceFen: 1250
            )
            return try setup.world.createOrder(
                shopID: setup.shop.shopID,
                SimOrderDraft(lines: [line], freightFen: 600, createdMillis: now - Int64(index) * 60_000)
            )
        }
    }

    static func allOrders(_ channel: any ShopChannel, _ window: SyncWindow) throws -> [PlatformOrder] {
        var cursor: String?
        var orders: [PlatformOrder] = []
        repeat {
            let page = try channel.orders(modifiedIn: window, cursor: cursor)
            orders += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return orders
    }

    @Test(
        "Each client lists the simulator's orders in a window, with ids, amounts and statuses",
        arguments: Platform.allCases
    )
    func listsOrders(platform: Platform) throws {
        let setup = try Self.setUp(platform)
        defer { setup.host.stop() }
        let seeded = try Self.seed(setup)
        let window = SyncWindow(startMillis: Self.now - 20 * 60_000, endMillis: Self.now + 1000)
        let listed = try Self.allOrders(setup.channel, window)
        #expect(Set(listed.map(\.platformOrderID)) == Set(seeded.map(\.orderID)))
        for order in seeded {
            let mine = try #require(listed.first { $0.platformOrderID == order.orderID })
            #expect(mine.paid == Money(fen: order.paymentFen, currency: mine.paid.currency), "\(order.orderID)")
            #expect(mine.status == .awaitingShipment)
            #expect(mine.modifiedAtMillis / 1000 == order.modifiedMillis / 1000)
            #expect(mine.lines.first?.outerID == order.lines.first?.outerID)
        }
        let again = try setup.channel.order(platformOrderID: seeded[0].orderID)
        #expect(again.platformOrderID == seeded[0].orderID)
    }

    @Test(
        "Each client confirms a shipment once; the simulator records it and refuses a second",
        arguments: Platform.allCases
    )
    func shipsOnce(platform: Platform) throws {
        let setup = try Self.setUp(platform)
        defer { setup.host.stop() }
        let order = try Self.seed(setup)[0]
        let courier = platform == .pinduoduo || platform == .kuaishou || platform == .jd ? "9" : "zto"
        let shipment = PlatformShipment(platformOrderID: order.orderID, courierCode: courier, trackingNumber: "ZT1001")
        try setup.channel.confirmShipment(shipment)
        #expect(throws: ChannelError.self) { try setup.channel.confirmShipment(shipment) }
        #expect(setup.world.shipments(shopID: setup.shop.shopID).count == 1)
    }

    @Test("An expired grant is reported as authorisation expired by every client", arguments: Platform.allCases)
    func expiredGrant(platform: Platform) throws {
        let setup = try Self.setUp(platform)
        defer { setup.host.stop() }
        try setup.world.expire(token: setup.credentials.authorization.accessToken)
        let window = SyncWindow(startMillis: Self.now - 20 * 60_000, endMillis: Self.now)
        do {
            _ = try setup.channel.orders(modifiedIn: window, cursor: nil)
            Issue.record("an expired token was accepted")
        } catch {
            guard case .authorizationExpired = error as? ChannelError else {
                Issue.record("expected authorizationExpired, got \(error)")
                return
            }
        }
    }

    @Test(
        "Clients that list after-sales see a refund the buyer opened, with its amount",
        arguments: [Platform.taobao, .pinduoduo, .doudian, .xiaohongshu]
    )
    func listsRefunds(platform: Platform) throws {
        let setup = try Self.setUp(platform)
        defer { setup.host.stop() }
        let order = try Self.seed(setup)[0]
        let opened = try setup.world.openAfterSale(shopID: setup.shop.shopID, orderID: order.orderID, amountFen: 1000)
        let window = SyncWindow(startMillis: Self.now - 20 * 60_000, endMillis: Self.now + 1000)
        var cursor: String?
        var refunds: [PlatformRefund] = []
        repeat {
            let page = try setup.channel.refunds(modifiedIn: window, cursor: cursor)
            refunds += page.items
            cursor = page.nextCursor
        } while cursor != nil
        #expect(refunds.map(\.refundID) == [opened.refundID])
        #expect(refunds.first?.platformOrderID == order.orderID)
        #expect(refunds.first?.amount == Money(fen: 1000))
        #expect(refunds.first?.status == .requested)
    }

    @Test(
        "Clients' stock pushes set the listing's stock, recorded by the simulator",
        arguments: [
            Platform.taobao, .jd, .pinduoduo, .doudian, .xiaohongshu,
        ]
    )
    func pushesStock(platform: Platform) throws {
        let setup = try Self.setUp(platform)
        defer { setup.host.stop() }
        let line = try Self.seed(setup)[0].lines[0]
        try setup.channel.pushStock(
            PlatformStockUpdate(itemID: line.itemID, skuID: line.skuID, outerID: line.outerID, quantity: 7)
        )
        let pushes = setup.world.stockPushes(shopID: setup.shop.shopID)
        #expect(pushes.map(\.after) == [7])
        #expect(setup.world.listings(shopID: setup.shop.shopID).first { $0.skuID == line.skuID }?.quantity == 7)
    }

    @Test("Clients refresh their grant and the new token works", arguments: Platform.allCases)
    func refreshes(platform: Platform) throws {
        let setup = try Self.setUp(platform)
        defer { setup.host.stop() }
        if platform == .xiaohongshu { setup.world.advanceClock(millis: 7 * 86_400_000 - 10 * 60_000) }
        let renewed = try setup.channel.refreshAuthorization(setup.credentials.authorization)
        #expect(renewed.accessToken != setup.credentials.authorization.accessToken)
        var credentials = setup.credentials
        credentials.authorization = renewed
        let factory = PlatformChannelFactory(
            settings: Self.settings(setup.host),
            clock: { setup.world.nowMillis },
            log: .silent
        )
        let channel = try factory.channel(for: credentials)
        let now = setup.world.nowMillis
        _ = try channel.orders(modifiedIn: SyncWindow(startMillis: now - 60_000, endMillis: now), cursor: nil)
    }

    @Test("Over the rate limit every client is told to wait", arguments: Platform.allCases)
    func rateLimited(platform: Platform) throws {
        let setup = try Self.setUp(platform)
        defer { setup.host.stop() }
        setup.world.setRateLimit(RateLimit(requestsPerSecond: 1, banSeconds: 5), for: platform)
        let window = SyncWindow(startMillis: Self.now - 60_000, endMillis: Self.now)
        _ = try setup.channel.orders(modifiedIn: window, cursor: nil)
        do {
            _ = try setup.channel.orders(modifiedIn: window, cursor: nil)
            Issue.record("a call over the limit was answered")
        } catch {
            guard case .rateLimited = error as? ChannelError else {
                Issue.record("expected rateLimited, got \(error)")
                return
            }
        }
    }

    @Test(
        "Each client pages through 130 orders of one window and gets every one exactly once",
        arguments: Platform.allCases
    )
    func pagesThroughAWindow(platform: Platform) throws {
        let setup = try Self.setUp(platform)
        defer { setup.host.stop() }
        let line = SimOrderLine(
            itemID: "600100",
            skuID: "500100",
            outerID: "SKU",
            title: "商品",
            quantity: 1,
            unitPriceFen: 990
        )
        let seeded = try (0..<130).map { index in
            try setup.world.createOrder(
                shopID: setup.shop.shopID,
                SimOrderDraft(lines: [line], createdMillis: Self.now - 15 * 60_000 + Int64(index) * 6_000)
            )
        }
        let listed = try Self.allOrders(
            setup.channel,
            SyncWindow(startMillis: Self.now - 20 * 60_000, endMillis: Self.now)
        )
        #expect(Set(listed.map(\.platformOrderID)) == Set(seeded.map(\.orderID)))
        #expect(listed.count >= 130)
    }
}
