import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiSimulator

/// The refund listings the product's clients do not read yet (JD, 快手) answer in their platform's shape.
@Suite struct RefundListingTests {
    static let now = SimulatorFixture.epoch

    @Test("JD lists refund applications by apply time, from pageIndex 1")
    func jdApplications() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.jd)
        let order = try fixture.order(in: shop)
        let refund = try fixture.world.openAfterSale(shopID: shop.shopID, orderID: order.orderID, amountFen: 500)
        let answer = fixture.call(
            .jd,
            "jingdong.pop.afs.soa.refundapply.queryPageList",
            [
                "applyTimeStart": .s(PlatformTimestamp.gmt8Text(millis: Self.now - 60_000)),
                "applyTimeEnd": .s(PlatformTimestamp.gmt8Text(millis: Self.now)), "pageIndex": .n(1),
                "pageSize": .n(10),
            ],
            shop: shop,
            token: grant.accessToken
        )
        let result = answer["jingdong_pop_afs_soa_refundapply_queryPageList_responce", "queryResult"]
        #expect(result?["totalCount"] == .n(1), "\(answer.text)")
        let item = result?["result"]?.array?.first
        #expect(item?["id"] == .s(refund.refundID))
        #expect(item?["orderId"] == .s(order.orderID))
        #expect(item?["status"] == .n(0))
    }

    @Test("快手 refunds: a range over 7 days is 300004, one starting over 90 days back is 300005")
    func kuaishouRanges() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.kuaishou)
        let order = try fixture.order(in: shop)
        try fixture.world.openAfterSale(shopID: shop.shopID, orderID: order.orderID)
        let day: Int64 = 86_400_000
        func list(_ begin: Int64, _ end: Int64) -> Answer {
            fixture.call(
                .kuaishou,
                "open.seller.order.refund.pcursor.list",
                ["beginTime": .n(begin), "endTime": .n(end), "pageSize": .n(20), "pcursor": .s("")],
                shop: shop,
                token: grant.accessToken
            )
        }
        let listed = list(Self.now - day, Self.now + 1000)
        #expect(listed["data", "refundOrderInfoList"]?.array?.first?["refundFee"] == .n(3100))
        #expect(listed["data", "pcursor"] == .s("nomore"))
        #expect(list(Self.now - 7 * day - 1, Self.now)["result"] == .n(300_004))
        #expect(list(Self.now - 91 * day, Self.now - 90 * day)["result"] == .n(300_005))
    }
}
