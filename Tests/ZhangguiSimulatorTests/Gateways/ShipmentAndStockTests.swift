import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiSimulator

/// Shipments and stock pushes are recorded; a second confirmation is refused as the platform would.
@Suite struct ShipmentAndStockTests {
    @Test("TOP: logistics.offline.send ships once; the second confirmation is refused and nothing more is recorded")
    func topShipsOnce() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.taobao)
        let order = try fixture.order(in: shop)
        let send: [String: JSONValue] = [
            "tid": .s(order.orderID), "out_sid": .s("ZT123456789"), "company_code": .s("ZTO"),
        ]
        let first = fixture.call(.taobao, "taobao.logistics.offline.send", send, shop: shop, token: grant.accessToken)
        #expect(first["logistics_offline_send_response", "shipping", "is_success"] == .bool(true))
        let second = fixture.call(.taobao, "taobao.logistics.offline.send", send, shop: shop, token: grant.accessToken)
        #expect(second["error_response", "code"] == .n(15))
        #expect(second["error_response", "sub_msg"] == .s("already shipped"))
        let shipments = fixture.world.shipments(shopID: shop.shopID)
        #expect(shipments.count == 1)
        #expect(shipments.first?.trackingNumber == "ZT123456789")
        #expect(shipments.first?.courierCode == "ZTO")
        #expect(try fixture.world.order(shopID: shop.shopID, orderID: order.orderID).phase == .shipped)
    }

    @Test("Each platform refuses to confirm a shipment twice", arguments: Platform.allCases)
    func everyPlatformShipsOnce(platform: Platform) throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(platform)
        let id = try fixture.order(in: shop).orderID
        let (method, business): (String, [String: JSONValue]) =
            switch platform {
            case .taobao:
                ("taobao.logistics.offline.send", ["tid": .s(id), "out_sid": .s("T1"), "company_code": .s("ZTO")])
            case .jd:
                ("jingdong.pop.order.shipment", ["orderId": .s(id), "logiCoprId": .s("1499"), "logiNo": .s("T1")])
            case .pinduoduo:
                (
                    "pdd.logistics.online.send",
                    ["order_sn": .s(id), "logistics_id": .n(115), "tracking_number": .s("T1")]
                )
            case .doudian:
                (
                    "order.logisticsAdd",
                    ["order_id": .s(id), "company_code": .s("zhongtong"), "logistics_code": .s("T1")]
                )
            case .kuaishou:
                ("open.seller.order.goods.deliver", ["orderId": .s(id), "expressCode": .n(9), "expressNo": .s("T1")])
            case .xiaohongshu:
                ("order.orderDeliver", ["orderId": .s(id), "expressNo": .s("T1"), "expressCompanyCode": .s("zto")])
            }
        let first = fixture.call(platform, method, business, shop: shop, token: grant.accessToken)
        let second = fixture.call(platform, method, business, shop: shop, token: grant.accessToken)
        #expect(first.text != second.text)
        #expect(fixture.world.shipments(shopID: shop.shopID).count == 1, "\(first.text) / \(second.text)")
        #expect(fixture.world.shipments(shopID: shop.shopID).first?.apiMethod == method)
    }

    @Test("PDD sets stock absolutely and by change; a change below zero is refused; each push is recorded")
    func pddStock() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.pinduoduo)
        try fixture.order(in: shop)
        func push(_ quantity: Int64, type: Int64) -> Answer {
            fixture.call(
                .pinduoduo,
                "pdd.goods.quantity.update",
                ["goods_id": .s("600100"), "sku_id": .s("500100"), "quantity": .n(quantity), "update_type": .n(type)],
                shop: shop,
                token: grant.accessToken
            )
        }
        #expect(push(5, type: 1)["goods_quantity_update_response", "is_success"] == .bool(true))
        #expect(push(-2, type: 2)["goods_quantity_update_response", "is_success"] == .bool(true))
        #expect(push(-4, type: 2)["error_response", "error_code"] == .n(50_000))
        let pushes = fixture.world.stockPushes(shopID: shop.shopID)
        #expect(pushes.map(\.after) == [5, 3])
        #expect(pushes.map(\.before) == [0, 5])
        #expect(pushes.map(\.mode) == ["set", "delta"])
        #expect(fixture.world.listings(shopID: shop.shopID).first?.quantity == 3)
    }

    @Test("抖店: an incremental push needs idempotent_id, and the same id applies once")
    func doudianIdempotent() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.doudian)
        try fixture.order(in: shop)
        var business: [String: JSONValue] = ["sku_id": .s("500100"), "stock_num": .n(4), "incremental": .bool(true)]
        #expect(
            fixture.call(.doudian, "sku.syncStock", business, shop: shop, token: grant.accessToken)["code"]
                == .n(40_002)
        )
        business["idempotent_id"] = .s("push-1")
        #expect(
            fixture.call(.doudian, "sku.syncStock", business, shop: shop, token: grant.accessToken)["code"]
                == .n(10_000)
        )
        let again = fixture.call(.doudian, "sku.syncStock", business, shop: shop, token: grant.accessToken)
        #expect(again["data", "stock_num"] == .n(4))
        #expect(fixture.world.stockPushes(shopID: shop.shopID).count == 1)
    }
}
