import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiSimulator

/// An order changes over time — paid, shipped, refunded — and each change moves it to the window of its new
/// modified time, with the platform's codes for each state.
@Suite struct OrderLifecycleTests {
    static let paidAt = SimulatorFixture.epoch
    static let hour: Int64 = 3_600_000

    @Test("PDD: paid at T, shipped at T+1 h, refunded at T+2 h; each window sees the order once, in its state then")
    func pddStory() throws {
        let fixture = SimulatorFixture(nowMillis: Self.paidAt)
        let (shop, grant) = try fixture.shop(.pinduoduo)
        let order = try fixture.order(in: shop)
        func window(endingAt end: Int64) -> [JSONValue] {
            let answer = fixture.call(
                .pinduoduo,
                "pdd.order.number.list.increment.get",
                [
                    "start_updated_at": .n((end - 1_800_000) / 1000), "end_updated_at": .n(end / 1000),
                    "order_status": .n(5), "refund_status": .n(5),
                ],
                shop: shop,
                token: grant.accessToken
            )
            return answer["order_sn_increment_get_response", "order_sn_list"]?.array ?? []
        }
        let paid = window(endingAt: Self.paidAt + 60_000)
        #expect(paid.count == 1)
        #expect(paid.first?["order_status"] == .n(1))
        #expect(paid.first?["receiver_name"]?.text?.hasPrefix("~") == true, "ciphertext while waiting to ship")

        fixture.world.advanceClock(millis: Self.hour)
        try fixture.world.change(shopID: shop.shopID, orderID: order.orderID, .ship)
        fixture.world.advanceClock(millis: Self.hour)
        let refund = try fixture.world.openAfterSale(shopID: shop.shopID, orderID: order.orderID)
        fixture.world.advanceClock(millis: 60_000)
        try fixture.world.updateAfterSale(shopID: shop.shopID, refundID: refund.refundID, to: .succeeded)

        let now = Self.paidAt + 2 * Self.hour + 60_000
        fixture.world.setClock(millis: now)
        #expect(window(endingAt: Self.paidAt + 60_000).isEmpty, "the order left its first window")
        #expect(window(endingAt: Self.paidAt + Self.hour + 60_000).isEmpty, "and its shipping window")
        let latest = window(endingAt: now)
        #expect(latest.count == 1)
        #expect(latest.first?["order_status"] == .n(2))
        #expect(latest.first?["refund_status"] == .n(4))
        #expect(latest.first?["after_sales_status"] == .n(10))
        #expect(latest.first?["receiver_name"] == .s(""), "no ciphertext once shipped")
        #expect(latest.first?["updated_at"] == .s(PlatformTimestamp.gmt8Text(millis: now)))

        let refunds = fixture.call(
            .pinduoduo,
            "pdd.refund.list.increment.get",
            [
                "start_updated_at": .n((now - 1_800_000) / 1000), "end_updated_at": .n(now / 1000),
                "after_sales_status": .n(1), "after_sales_type": .n(1),
            ],
            shop: shop,
            token: grant.accessToken
        )
        let list = refunds["refund_increment_get_response", "refund_list"]?.array ?? []
        #expect(list.count == 1, "\(refunds.text)")
        #expect(list.first?["refund_amount"] == .number("31"))
        #expect(list.first?["after_sales_status"] == .n(10))
    }

    @Test("TOP: an unshipped order refunded in full closes as TRADE_CLOSED with its line SUCCESS")
    func topRefundBeforeShipping() throws {
        let fixture = SimulatorFixture(nowMillis: Self.paidAt)
        let (shop, grant) = try fixture.shop(.taobao)
        let order = try fixture.order(in: shop)
        fixture.world.advanceClock(millis: Self.hour)
        let refund = try fixture.world.openAfterSale(shopID: shop.shopID, orderID: order.orderID)
        let trade = { () -> JSONValue? in
            fixture.call(
                .taobao,
                "taobao.trade.fullinfo.get",
                ["tid": .s(order.orderID), "fields": .s("tid,status,orders")],
                shop: shop,
                token: grant.accessToken
            )["trade_fullinfo_get_response", "trade"]
        }
        let requested = trade()
        #expect(requested?["status"] == .s("WAIT_SELLER_SEND_GOODS"))
        #expect(requested?["orders"]?["order"]?.array?.first?["refund_status"] == .s("WAIT_SELLER_AGREE"))
        fixture.world.advanceClock(millis: Self.hour)
        try fixture.world.updateAfterSale(shopID: shop.shopID, refundID: refund.refundID, to: .succeeded)
        let closed = trade()
        #expect(closed?["status"] == .s("TRADE_CLOSED"))
        #expect(closed?["orders"]?["order"]?.array?.first?["refund_status"] == .s("SUCCESS"))
        #expect(closed?["tid"] == .number(order.orderID))
    }

    @Test("快手 windows are in milliseconds: 23:59:59.800 falls before midnight, 00:00:00.300 after")
    func kuaishouMilliseconds() throws {
        let midnight: Int64 = 1_700_006_400_000  // 2023-11-15 00:00:00 UTC
        let fixture = SimulatorFixture(nowMillis: midnight + Self.hour)
        let (shop, grant) = try fixture.shop(.kuaishou)
        let before = try fixture.order(in: shop, createdMillis: midnight - 200)
        let after = try fixture.order(in: shop, createdMillis: midnight + 300)
        func ids(_ begin: Int64, _ end: Int64) -> [String] {
            let answer = fixture.call(
                .kuaishou,
                "open.order.cursor.list",
                ["beginTime": .n(begin), "endTime": .n(end), "queryType": .n(2), "pageSize": .n(100)],
                shop: shop,
                token: grant.accessToken
            )
            return (answer["data", "orderList"]?.array ?? []).compactMap { $0["oid"]?.text }
        }
        #expect(ids(midnight - 1000, midnight - 1) == [before.orderID])
        #expect(ids(midnight, midnight + 999) == [after.orderID])
    }
}
