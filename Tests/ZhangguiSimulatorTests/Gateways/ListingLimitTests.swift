import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiSimulator

/// Each listing keeps to its platform's longest window, largest page and paging base (specs §9).
@Suite struct ListingLimitTests {
    static let now = SimulatorFixture.epoch

    @Test("TOP: a window of exactly one day is listed, one second more is refused with 41; page_size 101 with 41")
    func topWindow() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.taobao)
        try fixture.order(in: shop, createdMillis: Self.now - 3_600_000)
        func list(_ start: Int64, _ end: Int64, size: Int64 = 40) -> Answer {
            fixture.call(
                .taobao,
                "taobao.trades.sold.increment.get",
                [
                    "fields": .s("tid,status,modified"), "page_size": .n(size),
                    "start_modified": .s(PlatformTimestamp.gmt8Text(millis: start)),
                    "end_modified": .s(PlatformTimestamp.gmt8Text(millis: end)),
                ],
                shop: shop,
                token: grant.accessToken
            )
        }
        let day = list(Self.now - 86_400_000, Self.now)
        #expect(day["trades_sold_increment_get_response", "total_results"] == .n(1), "\(day.text)")
        let trade = day["trades_sold_increment_get_response", "trades", "trade"]?.array?.first
        #expect(trade?["status"] == .s("WAIT_SELLER_SEND_GOODS"))
        #expect(trade?["receiver_name"] == nil)
        let tooLong = list(Self.now - 86_401_000, Self.now)
        #expect(tooLong["error_response", "code"] == .n(41))
        #expect(tooLong["error_response", "sub_msg"] == .s("the time span must not exceed 1 day(s)"))
        #expect(list(Self.now - 60_000, Self.now, size: 101)["error_response", "code"] == .n(41))
    }

    @Test("PDD: the incremental list allows 30 minutes and 100 per page, no more")
    func pddWindow() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.pinduoduo)
        try fixture.order(in: shop, createdMillis: Self.now - 60_000)
        func list(_ span: Int64, size: Int64 = 100) -> Answer {
            fixture.call(
                .pinduoduo,
                "pdd.order.number.list.increment.get",
                [
                    "start_updated_at": .n(Self.now / 1000 - span), "end_updated_at": .n(Self.now / 1000),
                    "order_status": .n(5), "refund_status": .n(5), "page": .n(1), "page_size": .n(size),
                ],
                shop: shop,
                token: grant.accessToken
            )
        }
        #expect(list(1800)["order_sn_increment_get_response", "total_count"] == .n(1))
        #expect(list(1801)["error_response", "error_code"] == .n(10_000))
        #expect(list(60, size: 101)["error_response", "error_code"] == .n(10_000))
    }

    @Test("小红书: by update time 30 minutes at most, by creation time 24 hours")
    func xhsWindow() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.xiaohongshu)
        try fixture.order(in: shop, createdMillis: Self.now - 60_000)
        func list(_ span: Int64, timeType: Int64) -> Answer {
            fixture.call(
                .xiaohongshu,
                "order.getOrderList",
                [
                    "startTime": .n(Self.now / 1000 - span), "endTime": .n(Self.now / 1000), "timeType": .n(timeType),
                    "pageNo": .n(1), "pageSize": .n(50),
                ],
                shop: shop,
                token: grant.accessToken
            )
        }
        #expect(list(1800, timeType: 2)["data", "total"] == .n(1))
        #expect(list(1801, timeType: 2)["error_code"] == .n(-1001))
        #expect(list(86_400, timeType: 1)["data", "total"] == .n(1))
        #expect(list(86_401, timeType: 1)["error_code"] == .n(-1001))
    }

    @Test("抖店 pages from 0: three orders at size 2 give 2 on page 0 and 1 on page 1")
    func doudianPaging() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.doudian)
        for minute in 1...3 { try fixture.order(in: shop, createdMillis: Self.now - Int64(minute) * 60_000) }
        func page(_ number: Int64) -> Answer {
            fixture.call(
                .doudian,
                "order.searchList",
                [
                    "page": .n(number), "size": .n(2), "order_by": .s("update_time"),
                    "update_time_start": .n(Self.now / 1000 - 3600), "update_time_end": .n(Self.now / 1000),
                ],
                shop: shop,
                token: grant.accessToken
            )
        }
        #expect(page(0)["data", "shop_order_list"]?.array?.count == 2)
        #expect(page(1)["data", "shop_order_list"]?.array?.count == 1)
        #expect(page(0)["data", "total"] == .n(3))
        let first = page(0)["data", "shop_order_list"]?.array?.first
        #expect(first?["update_time"] == .n(Self.now / 1000 - 60), "newest first")
        #expect(first?["post_receiver"] == .s(""))
        #expect(first?["mask_post_receiver"]?.text?.hasSuffix("**") == true)
        #expect(first?["pay_amount"] == .n(3100))
        let refused = fixture.call(
            .doudian,
            "order.searchList",
            ["page": .n(-1), "size": .n(2)],
            shop: shop,
            token: grant.accessToken
        )
        #expect(refused["code"] == .n(40_004))
    }

    @Test("快手 pages by cursor: the first page returns a cursor, the last returns nomore")
    func kuaishouCursor() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.kuaishou)
        for minute in 1...3 { try fixture.order(in: shop, createdMillis: Self.now - Int64(minute) * 60_000) }
        func page(_ cursor: String) -> Answer {
            fixture.call(
                .kuaishou,
                "open.order.cursor.list",
                [
                    "beginTime": .n(Self.now - 3_600_000), "endTime": .n(Self.now), "queryType": .n(2),
                    "orderViewStatus": .n(1), "pageSize": .n(2), "cursor": .s(cursor),
                ],
                shop: shop,
                token: grant.accessToken
            )
        }
        let first = page("")
        #expect(first["data", "orderList"]?.array?.count == 2)
        let cursor = try #require(first["data", "cursor"]?.text)
        #expect(cursor != "nomore")
        let last = page(cursor)
        #expect(last["data", "orderList"]?.array?.count == 1)
        #expect(last["data", "cursor"] == .s("nomore"))
        #expect(last["data", "orderList"]?.array?.first?["createTime"] == .n(Self.now - 180_000))
    }

    @Test("JD lists only paid orders, from page 1, at most 100 a page")
    func jdPaging() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.jd)
        try fixture.order(in: shop, createdMillis: Self.now - 60_000)
        try fixture.order(in: shop, createdMillis: Self.now - 120_000, isPaid: false)
        func search(page: Int64, size: Int64) -> Answer {
            fixture.call(
                .jd,
                "jingdong.pop.order.enSearch",
                [
                    "start_date": .s(PlatformTimestamp.gmt8Text(millis: Self.now - 3_600_000)),
                    "end_date": .s(PlatformTimestamp.gmt8Text(millis: Self.now)), "order_state": .s("ALL"),
                    "page": .s(String(page)), "page_size": .s(String(size)),
                ],
                shop: shop,
                token: grant.accessToken
            )
        }
        let answer = search(page: 1, size: 10)
        let result = answer["jingdong_pop_order_enSearch_responce", "searchorderinfo_result"]
        #expect(result?["orderTotal"] == .n(1), "\(answer.text)")
        #expect(search(page: 0, size: 10)["error_response", "code"] == .s("61"))
        #expect(search(page: 1, size: 101)["error_response", "code"] == .s("61"))
    }
}
