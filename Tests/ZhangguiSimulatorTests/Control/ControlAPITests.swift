import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSimulator

/// The control API in process: what a script does to set up and move a shop, read back as a client would.
@Suite struct ControlAPITests {
    let fixture = SimulatorFixture()

    func control(_ method: HTTPMethod, _ path: String, _ body: String = "") -> Answer {
        let request = HTTPRequest(method: method, path: path, body: Array(body.utf8))
        return Answer(fixture.simulator.controlRouter().respond(to: request).response)
    }

    @Test("An order refunded through the control API shows on 抖店 as after-sale 12 with refund_status 3")
    func refundThroughControl() throws {
        let (shop, grant) = try fixture.shop(.doudian)
        let order = try fixture.order(in: shop)
        let opened = control(
            .post,
            "/_sim/shops/\(shop.shopID)/orders/\(order.orderID)/refunds",
            #"{"amountFen":1000}"#
        )
        #expect(opened.status == 201)
        let refundID = try #require(opened["refundID"]?.text)
        #expect(control(.post, "/_sim/shops/\(shop.shopID)/refunds/\(refundID)/succeeded").status == 200)
        #expect(control(.post, "/_sim/shops/\(shop.shopID)/refunds/\(refundID)/closed").status == 409)
        let recorded = control(.get, "/_sim/shops/\(shop.shopID)/after-sales")["afterSales"]?.array?.first
        #expect(recorded?["status"] == .s("succeeded"))
        #expect(recorded?["amountFen"] == .n(1000))
        let detail = fixture.call(
            .doudian,
            "order.orderDetail",
            ["shop_order_id": .s(order.orderID)],
            shop: shop,
            token: grant.accessToken
        )
        let line = detail["data", "shop_order_detail", "sku_order_list"]?.array?.first
        #expect(line?["after_sale_info"]?["after_sale_status"] == .n(12))
        #expect(line?["after_sale_info"]?["refund_status"] == .n(3))
        #expect(detail["data", "shop_order_detail", "order_status"] == .n(2), "a partial refund keeps the order")
        let list = fixture.call(
            .doudian,
            "afterSale.List",
            [
                "page": .n(0), "size": .n(10), "update_start_time": .n(SimulatorFixture.epoch / 1000 - 60),
                "update_end_time": .n(SimulatorFixture.epoch / 1000 + 60),
            ],
            shop: shop,
            token: grant.accessToken
        )
        #expect(list["data", "items"]?.array?.first?["aftersale_info"]?["refund_amount"] == .n(1000), "\(list.text)")
    }

    @Test("Limits and availability set through the control API take effect at once")
    func limitsAndAvailability() throws {
        let (shop, grant) = try fixture.shop(.pinduoduo)
        let limits =
            #"{"maximumWindowSeconds":600,"maximumCreatedWindowSeconds":86400,"maximumRefundWindowSeconds":600,"#
            + #""maximumPageSize":20,"timestampToleranceSeconds":600}"#
        #expect(control(.put, "/_sim/platforms/pinduoduo/limits", limits).status == 204)
        let now = SimulatorFixture.epoch / 1000
        let list = {
            fixture.call(
                .pinduoduo,
                "pdd.order.number.list.increment.get",
                ["start_updated_at": .n(now - 900), "end_updated_at": .n(now), "page_size": .n(20)],
                shop: shop,
                token: grant.accessToken
            )
        }
        #expect(list()["error_response", "error_code"] == .n(10_000), "15 minutes is over the new 10")
        #expect(control(.post, "/_sim/platforms/pinduoduo/availability", #"{"state":"unavailable"}"#).status == 204)
        #expect(list().status == 503)
        #expect(control(.post, "/_sim/platforms/pinduoduo/availability", #"{"state":"up"}"#).status == 204)
        #expect(list().status == 200)
        #expect(control(.post, "/_sim/platforms/nowhere/availability", #"{"state":"up"}"#).status == 404)
    }

    @Test("Listings put through the control API take TOP stock pushes, which are then read back")
    func listingsAndPushes() throws {
        let (shop, grant) = try fixture.shop(.taobao)
        let listing = #"{"itemID":"7001","skuID":"8001","outerID":"CUP-01","quantity":10}"#
        #expect(control(.put, "/_sim/shops/\(shop.shopID)/listings", listing).status == 204)
        let pushed = fixture.call(
            .taobao,
            "taobao.item.quantity.update",
            ["num_iid": .s("7001"), "outer_id": .s("CUP-01"), "quantity": .n(3), "type": .n(1)],
            shop: shop,
            token: grant.accessToken
        )
        #expect(pushed["item_quantity_update_response", "item", "num"] == .n(3), "\(pushed.text)")
        let pushes = control(.get, "/_sim/shops/\(shop.shopID)/stock-pushes")["stockPushes"]?.array
        #expect(pushes?.first?["before"] == .n(10))
        #expect(pushes?.first?["after"] == .n(3))
        #expect(pushes?.first?["apiMethod"] == .s("taobao.item.quantity.update"))
    }
}
