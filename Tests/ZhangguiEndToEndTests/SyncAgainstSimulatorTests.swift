import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiSimulator
import ZhangguiStore
import ZhangguiTestSupport

/// A seller's shop on each platform, as the simulator plays it, synced by the product end to end: the platform
/// clients of ZhangguiChannels over libcurl to 127.0.0.1, SyncService, review and shipping, on both engines.
@Suite("A connected shop syncs with its platform end to end", .serialized)
struct SyncAgainstSimulatorTests {
    @Test(
        "paid orders arrive exact, a refund intercepts, a parcel is confirmed once, stock is pushed, an expired grant alerts once",
        arguments: Engine.all,
        Platform.allCases
    )
    func aShopsDay(engine: Engine, platform: Platform) throws {
        let shop = try SimulatedShop(platform, engine: engine)

        // Two paid orders: 2 × 12.50 + 6.00 freight = 31.00; 1 × 99.90 − 9.90 discount = 90.00.
        let first = try shop.placeOrder([("SKU-1", 2, 1250)], freightFen: 600)
        let second = try shop.placeOrder([("SKU-2", 1, 9990)], discountFen: 990)
        let arrival = try shop.syncAMinuteLater()

        #expect(arrival.outcome == .done, "\(arrival.error ?? "")")
        #expect(arrival.orders.new == 2)
        let one = try shop.trade(first.orderID)
        let two = try shop.trade(second.orderID)
        #expect(one.state == .pendingReview)
        #expect(one.paid == Money(fen: 3100))
        #expect(one.freight == Money(fen: 600))
        #expect(one.lines.map(\.merchantCode) == ["SKU-1"])
        #expect(one.lines.map(\.quantity) == [2])
        #expect(two.state == .pendingReview)
        #expect(two.paid == Money(fen: 9000))
        #expect(two.discount == Money(fen: 990))
        // Nothing reserved yet: all 10 of each are sellable.
        #expect(lastPushes(shop) == ["SKU-1": 10, "SKU-2": 10])

        // The buyer of the first asks for a refund before it ships: the next pass holds it 退款中.
        try shop.world.openAfterSale(shopID: shop.simShop.shopID, orderID: first.orderID)
        let refunded = try shop.syncAMinuteLater()

        #expect(refunded.outcome == .done, "\(refunded.error ?? "")")
        let state = try shop.trade(first.orderID).state
        let reasons = try shop.holds(first.orderID).map(\.reason)
        // 快手's order turns refunding in its listing; JD's does not, but its refund applications are listed.
        #expect(state == .onHold)
        #expect(reasons == [.refundInProgress])

        // The second ships (approved by hand where the platform hides the receiver's phone); the next pass tells the
        // platform once, and pushes SKU-2's new stock (10 − 1 = 9).
        let (holds, shipped) = try shop.ship(second.orderID)
        let hidesPhone = [.pinduoduo, .doudian, .kuaishou, .xiaohongshu].contains(platform)
        #expect(holds.map(\.reason) == (hidesPhone ? [.invalidPhone] : []))
        if platform == .doudian {
            // 抖店 documents no courier codes: the confirmation waits, saying which code to set, until the shop
            // names 中通 in 抖店's code; then it goes out (after its minute of back-off).
            let waiting = try shop.syncAMinuteLater()
            #expect(waiting.uploadsSent == 0)
            #expect(waiting.uploadsFailed == 1)
            #expect(try shop.lastConfirmationError().contains("courier ZTO has no 抖店 code"))
            #expect(shop.world.shipments(shopID: shop.simShop.shopID).isEmpty)
            try shop.setCourierCode("ZTO", "zhongtong")
        }
        let confirmed = try shop.syncAMinuteLater()
        try shop.syncAMinuteLater()

        let shipments = shop.world.shipments(shopID: shop.simShop.shopID)
        #expect(shipped.trades == 1)
        #expect(confirmed.uploadsSent == 1)
        #expect(shipments.map(\.orderID) == [second.orderID])
        #expect(shipments.map(\.trackingNumber) == ["ZT000000000001"])
        #expect(shipments.map(\.courierCode) == [SimulatedShop.platformCourierCode(platform)])
        #expect(lastPushes(shop) == ["SKU-1": 10, "SKU-2": 9])

        // The seller's grant expires on the platform: the shop goes 授权过期 with one alert, over two passes.
        try shop.world.expire(token: shop.accessToken)
        let expired = try shop.syncAMinuteLater()
        let skipped = try shop.syncAMinuteLater()

        #expect(expired.outcome == .authorizationExpired)
        #expect(skipped.skipped == "authorizationExpired (授权过期)")
        #expect(try shop.status() == .authorizationExpired)
        let alerts = try shop.openAlerts()
        #expect(alerts.count == 1)
        #expect(alerts.first?.shopCode == "SHOP")
    }

    /// The last quantity the simulator recorded per 商家编码.
    private func lastPushes(_ shop: SimulatedShop) -> [String: Int64] {
        var last: [String: Int64] = [:]
        for push in shop.world.stockPushes(shopID: shop.simShop.shopID) { last[push.outerID] = push.after }
        return last
    }
}
