import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices

@Suite("快手 channel")
struct KuaishouChannelTests {
    static func channel(_ transport: StubTransport) -> KuaishouChannel {
        KuaishouChannel(
            credentials: credentials(.kuaishou, endpoint: "https://kuaishou.test"),
            transport: transport,
            clock: fixedClock,
            log: .silent
        )
    }

    static let window = SyncWindow(startMillis: fixedNow - 1_800_000, endMillis: fixedNow)

    static func page(cursor: String, status: Int = 30, refund: Int = 0) -> String {
        #"{"result":1,"data":{"cursor":"\#(cursor)","orderList":[{"oid":8001,"status":\#(status),"refund":\#(refund),"#
            + #""createTime":1699999200000,"payTime":1699999260000,"updateTime":1699999800000,"totalFee":3000,"#
            + #""expressFee":0,"discountFee":0,"remark":"","sellerNoteList":["易碎"],"#
            + #""orderProductInfoList":[{"skuId":81,"itemId":8,"skuNick":"SKU-8","itemTitle":"示例","num":3,"#
            + #""price":1000}]}]}}"#
    }

    @Test("a listing is a signed GET on the method's path, paged by the platform's cursor")
    func cursorPaging() throws {
        let transport = StubTransport(Self.page(cursor: "abc"), Self.page(cursor: "nomore"))
        let channel = Self.channel(transport)
        let first = try channel.orders(modifiedIn: Self.window, cursor: nil)
        let second = try channel.orders(modifiedIn: Self.window, cursor: first.nextCursor)
        #expect(second.nextCursor == nil)
        #expect(transport.requests[0].url.hasPrefix("https://kuaishou.test/open/order/cursor/list?"))
        let query = transport.query(0)
        #expect(query["timestamp"] == "1700000000000")
        var unsigned = query
        unsigned["sign"] = nil
        #expect(query["sign"] == KuaishouSigner.sign(unsigned, signSecret: "sign-secret-1", method: .hmacSHA256))
        #expect(try JSONValue.parse(transport.query(0)["param"] ?? "")["cursor"] == .string(""))
        #expect(try JSONValue.parse(transport.query(1)["param"] ?? "")["cursor"] == .string("abc"))
        let order = try #require(first.items.first)
        #expect(order.platformOrderID == "8001")
        #expect(order.status == .awaitingShipment)
        #expect(order.paid == Money(fen: 3000))
        #expect(order.lines.first?.outerID == "SKU-8")
        #expect(order.sellerMemo == "易碎")
    }

    @Test(
        "statuses follow the configured map with the refund flag",
        arguments: [
            (10, 0, PlatformOrderStatus.pendingPayment), (40, 0, .shipped), (70, 0, .delivered),
            (30, 1, .refunding), (80, 0, .closed), (80, 1, .refunded),
        ]
    )
    func statuses(status: Int, refund: Int, expected: PlatformOrderStatus) throws {
        let transport = StubTransport(Self.page(cursor: "nomore", status: status, refund: refund))
        let order = try #require(try Self.channel(transport).orders(modifiedIn: Self.window, cursor: nil).items.first)
        #expect(order.status == expected)
    }

    @Test(
        "expired grants and qps limits are recognised from the message",
        arguments: [
            (#"{"result":24,"error_msg":"鉴权失败"}"#, ChannelError.authorizationExpired(code: "24", message: "鉴权失败")),
            (
                #"{"result":25,"error_msg":"Exceed qps limit, KEY [apiId:1], MAX_QPS [300]"}"#,
                .rateLimited(retryAfterSeconds: 1, message: "Exceed qps limit, KEY [apiId:1], MAX_QPS [300]")
            ),
        ]
    )
    func errors(answer: String, expected: ChannelError) {
        #expect(throws: expected) { try Self.channel(StubTransport(answer)).order(platformOrderID: "8001") }
    }

    @Test("refreshing rotates the refresh token, which then lives 180 days")
    func refresh() throws {
        let transport = StubTransport(
            #"{"result":1,"access_token":"new-access","expires_in":172800,"refresh_token":"new-refresh"}"#
        )
        let renewed = try Self.channel(transport).refreshAuthorization(credentials(.kuaishou).authorization)
        #expect(renewed.refreshToken == "new-refresh")
        #expect(renewed.accessExpiresAtMillis == fixedNow + 172_800_000)
        #expect(renewed.refreshExpiresAtMillis == fixedNow + 180 * 86_400_000)
        #expect(transport.requests[0].url == "https://kuaishou.test/oauth2/refresh_token")
        #expect(transport.form(0)["grant_type"] == "refresh_token")
    }

    @Test("a discarded refresh token means the seller must authorise again")
    func discardedRefreshToken() {
        let answer = #"{"result":0,"error_msg":"refreshToken.discarded"}"#
        #expect(throws: ChannelError.authorizationExpired(code: "0", message: "refreshToken.discarded")) {
            try Self.channel(StubTransport(answer)).refreshAuthorization(credentials(.kuaishou).authorization)
        }
    }

    static func item(stock: Int) -> String {
        #"{"result":1,"data":{"kwaiItemId":60001,"skuInfos":[{"kwaiSkuId":50009,"skuStock":99},"#
            + #"{"kwaiSkuId":50001,"relSkuId":"SKU-1","skuStock":\#(stock)}]}}"#
    }

    @Test(
        "stock is set by sending the difference to the platform's stock: 7 → 10 adds 3, 12 → 10 takes 2",
        arguments: [(7, 3, 1), (12, 2, 2)]
    )
    func stockDelta(current: Int, change: Int64, changeType: Int64) throws {
        let transport = StubTransport(Self.item(stock: current), #"{"result":1,"data":{}}"#)
        try Self.channel(transport).pushStock(PlatformStockUpdate(itemID: "60001", skuID: "50001", quantity: 10))
        #expect(transport.requests.count == 2)
        #expect(transport.requests[0].url.hasPrefix("https://kuaishou.test/open/item/get?"))
        #expect(try JSONValue.parse(transport.query(0)["param"] ?? "")["kwaiItemId"] == .int(60001))
        #expect(transport.requests[1].url == "https://kuaishou.test/open/item/sku/stock/update")
        let business = try JSONValue.parse(transport.form(1)["param"] ?? "")
        #expect(business["kwaiItemId"] == .int(60001))
        #expect(business["skuId"] == .int(50001))
        #expect(business["skuChangeStock"] == .int(change))
        #expect(business["changeType"] == .int(changeType))
    }

    @Test("nothing is sent when the platform already holds the quantity")
    func stockUnchanged() throws {
        let transport = StubTransport(Self.item(stock: 10))
        try Self.channel(transport).pushStock(PlatformStockUpdate(itemID: "60001", skuID: "50001", quantity: 10))
        #expect(transport.requests.count == 1)
    }

    @Test("the direction codes are settings: with 0 for adding, 7 → 10 sends changeType 0")
    func stockChangeTypeSetting() throws {
        var settings = KuaishouSettings()
        settings.stockIncreaseChangeType = 0
        let transport = StubTransport(Self.item(stock: 7), #"{"result":1,"data":{}}"#)
        let channel = KuaishouChannel(
            credentials: credentials(.kuaishou, endpoint: "https://kuaishou.test"),
            transport: transport,
            settings: settings,
            clock: fixedClock,
            log: .silent
        )
        try channel.pushStock(PlatformStockUpdate(itemID: "60001", skuID: "50001", quantity: 10))
        #expect(try JSONValue.parse(transport.form(1)["param"] ?? "")["changeType"] == .int(0))
    }

    @Test("a SKU the item does not list is refused before any change is sent")
    func stockUnknownSKU() {
        let transport = StubTransport(Self.item(stock: 7))
        #expect(throws: ChannelError.rejected(code: "sku-not-listed", message: "快手 item 60001 has no SKU 50002")) {
            try Self.channel(transport).pushStock(PlatformStockUpdate(itemID: "60001", skuID: "50002", quantity: 10))
        }
        #expect(transport.requests.count == 1)
    }
}
