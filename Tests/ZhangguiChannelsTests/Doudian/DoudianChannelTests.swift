import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices

@Suite("抖店 channel")
struct DoudianChannelTests {
    static func channel(_ transport: StubTransport) -> DoudianChannel {
        DoudianChannel(
            credentials: credentials(.doudian, endpoint: "https://doudian.test"),
            transport: transport,
            clock: fixedClock,
            log: .silent
        )
    }

    static let window = SyncWindow(startMillis: fixedNow - 1_800_000, endMillis: fixedNow)

    /// A shop order with one SKU order; `status` and `afterSale` vary per test.
    static func shopOrder(status: Int = 2, afterSale: String = "") -> String {
        #"{"order_id":"6900001","order_status":\#(status),"create_time":1699999200,"pay_time":1699999260,"#
            + #""update_time":1699999800,"pay_amount":1890,"post_amount":0,"promotion_amount":110,"#
            + #""buyer_words":"请尽快","encrypt_post_receiver":"CIPHER-NAME","mask_post_receiver":"赵*","#
            + #""post_addr":{"province":{"name":"浙江省"},"city":{"name":"杭州市"},"town":{"name":"西湖区"},"#
            + #""encrypt_detail":"CIPHER-ADDRESS"},"#
            + #""sku_order_list":[{"order_id":"6900001-1","product_id":"3","sku_id":"31","code":"SKU-3","#
            + #""item_num":1,"origin_amount":2000,"promotion_amount":110\#(afterSale)}]}"#
    }

    static func list(total: Int, orders: [String]) -> String {
        let list = orders.joined(separator: ",")
        return #"{"code":10000,"msg":"success","data":{"total":\#(total),"shop_order_list":[\#(list)]}}"#
    }

    @Test("a call posts param_json to the method's path with a signed query")
    func requestIsSigned() throws {
        let transport = StubTransport(Self.list(total: 0, orders: []))
        _ = try Self.channel(transport).orders(modifiedIn: Self.window, cursor: nil)
        let request = transport.requests[0]
        let body = String(decoding: request.body, as: UTF8.self)
        #expect(request.url.hasPrefix("https://doudian.test/order/searchList?"))
        #expect(
            body == #"{"order_by":"update_time","page":0,"size":100,"update_time_end":1700000000,"#
                + #""update_time_start":1699998200}"#
        )
        let query = transport.query(0)
        #expect(query["timestamp"] == "1700000000")
        #expect(query["access_token"] == "access-token-1")
        let expected = DoudianSigner.sign(
            appKey: "app-key-1",
            method: "order.searchList",
            paramJSON: body,
            timestamp: "1700000000",
            secret: "app-secret-1",
            signMethod: .hmacSHA256
        )
        #expect(query["sign"] == expected)
    }

    @Test("pages count from 0: 150 orders are read 0, then 1 and 0 again")
    func pagesFromZero() throws {
        let transport = StubTransport(Self.list(total: 150, orders: []))
        var cursor: String? = nil
        var pages: [String] = []
        repeat {
            cursor = try Self.channel(transport).orders(modifiedIn: Self.window, cursor: cursor).nextCursor
            let body = try JSONValue.parse(bytes: transport.requests[transport.requests.count - 1].body)
            pages.append(body["page"]?.text ?? "")
        } while cursor != nil
        #expect(pages == ["0", "1", "0"])
    }

    @Test("a shop order keeps fen, seconds become milliseconds, the ciphertext is kept")
    func parsesOrder() throws {
        let order = try #require(
            try Self.channel(StubTransport(Self.list(total: 1, orders: [Self.shopOrder()])))
                .orders(modifiedIn: Self.window, cursor: nil).items.first
        )
        #expect(order.status == .awaitingShipment)
        #expect(order.paid == Money(fen: 1890))
        #expect(order.discount == Money(fen: 110))
        #expect(order.createdAtMillis == 1_699_999_200_000)
        #expect(order.modifiedAtMillis == 1_699_999_800_000)
        #expect(order.receiver.name == "CIPHER-NAME")
        #expect(order.receiver.address == "CIPHER-ADDRESS")
        #expect(order.lines.first?.outerID == "SKU-3")
        #expect(order.lines.first?.unitPrice == Money(fen: 2000))
    }

    @Test(
        "statuses follow spec §8 with the SKU after-sale overlay",
        arguments: [
            (1, "", PlatformOrderStatus.pendingPayment),
            (105, "", .awaitingShipment),
            (101, "", .awaitingShipment),
            (3, "", .shipped),
            (5, "", .delivered),
            (4, "", .closed),
            (2, #","after_sale_info":{"refund_status":1}"#, .refunding),
            (4, #","after_sale_info":{"refund_status":3}"#, .refunded),
            (3, #","after_sale_info":{"after_sale_status":7}"#, .refunding),
        ]
    )
    func statuses(status: Int, afterSale: String, expected: PlatformOrderStatus) throws {
        let answer =
            #"{"code":10000,"data":{"shop_order_detail":\#(Self.shopOrder(status: status, afterSale: afterSale))}}"#
        #expect(try Self.channel(StubTransport(answer)).order(platformOrderID: "6900001").status == expected)
    }

    @Test("40003 isv.access-token-expired means the seller must authorise again")
    func expiredToken() {
        let answer = #"{"code":40003,"msg":"参数错误","sub_code":"isv.access-token-expired","sub_msg":"access_token已过期"}"#
        #expect(
            throws: ChannelError.authorizationExpired(
                code: "40003/isv.access-token-expired",
                message: "参数错误: access_token已过期"
            )
        ) { try Self.channel(StubTransport(answer)).order(platformOrderID: "1") }
    }

    @Test("60000 is a rate limit")
    func rateLimited() {
        let answer = #"{"code":60000,"msg":"限流"}"#
        #expect(throws: ChannelError.rateLimited(retryAfterSeconds: 1, message: "限流")) {
            try Self.channel(StubTransport(answer)).order(platformOrderID: "1")
        }
    }

    @Test("refreshing sends no access token and gives the refresh token 14 days")
    func refresh() throws {
        let transport = StubTransport(
            #"{"code":10000,"data":{"access_token":"new-access","expires_in":604800,"refresh_token":"new-refresh"}}"#
        )
        let renewed = try Self.channel(transport).refreshAuthorization(credentials(.doudian).authorization)
        #expect(renewed.accessToken == "new-access")
        #expect(renewed.accessExpiresAtMillis == fixedNow + 604_800_000)
        #expect(renewed.refreshExpiresAtMillis == fixedNow + 1_209_600_000)
        #expect(transport.query(0)["access_token"] == nil)
        #expect(transport.query(0)["app_key"] == "app-key-1")
        #expect(transport.requests[0].url.contains("/token/refresh?"))
    }

    @Test("after-sales are listed by update time; each maps its type, status and fen amount")
    func refunds() throws {
        let answer =
            #"{"code":10000,"data":{"total":1,"items":[{"aftersale_info":{"aftersale_id":"A1","#
            + #""aftersale_type":2,"aftersale_status":6,"refund_amount":1890,"create_time":1699999000,"#
            + #""update_time":1699999900,"sku_order_id":"6900001-1"},"order_info":{"shop_order_id":"6900001"}}]}}"#
        let transport = StubTransport(answer)
        let refund = try #require(
            try Self.channel(transport).refunds(modifiedIn: Self.window, cursor: nil).items.first
        )
        #expect(transport.requests[0].url.hasPrefix("https://doudian.test/afterSale/List?"))
        let body = try JSONValue.parse(bytes: transport.requests[0].body)
        #expect(body["update_start_time"] == .int(1_699_998_200))
        #expect(refund.platformOrderID == "6900001")
        #expect(refund.lineIDs == ["6900001-1"])
        #expect(refund.kind == .refundOnly)
        #expect(refund.status == .requested)
        #expect(refund.amount == Money(fen: 1890))
        #expect(refund.modifiedAtMillis == 1_699_999_900_000)
    }
}
