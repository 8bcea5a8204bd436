import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices

@Suite("小红书 channel")
struct XHSChannelTests {
    static func channel(_ transport: StubTransport) -> XHSChannel {
        XHSChannel(credentials: credentials(.xiaohongshu), transport: transport, clock: fixedClock, log: .silent)
    }

    static let window = SyncWindow(startMillis: fixedNow - 1_800_000, endMillis: fixedNow)

    static func detail(status: Int = 4, afterSales: Int = 1) -> String {
        #"{"success":true,"error_code":0,"data":{"orderId":"P7001","orderStatus":\#(status),"#
            + #""orderAfterSalesStatus":\#(afterSales),"createdTime":1699999200000,"paidTime":1699999260000,"#
            + #""updateTime":1699999800123,"totalPayAmount":2590,"totalShippingFree":600,"#
            + #""totalMerchantDiscount":10,"openAddressId":"OPEN-1","receiverProvinceName":"上海市","#
            + #""skuList":[{"skuId":"S1","skuName":"示例","erpcode":"SKU-1","skuQuantity":2,"totalPaidAmount":1990,"#
            + #""totalMerchantDiscount":10,"skuAfterSaleStatus":1}]}}"#
    }

    @Test("the list names changed orders, each is then read whole; the body is signed JSON")
    func listThenDetail() throws {
        let list = #"{"success":true,"data":{"total":1,"orderList":[{"orderId":"P7001","orderStatus":4}]}}"#
        let transport = StubTransport(list, Self.detail())
        let page = try Self.channel(transport).orders(modifiedIn: Self.window, cursor: nil)
        let first = try JSONValue.parse(bytes: transport.requests[0].body)
        #expect(first["method"] == .string("order.getOrderList"))
        #expect(first["timeType"] == .int(2))
        #expect(first["startTime"] == .int(1_699_998_200))
        let expectedSign = XHSSigner.sign(
            method: "order.getOrderList",
            appID: "app-key-1",
            timestamp: "1700000000",
            appSecret: "app-secret-1"
        )
        #expect(first["sign"] == .string(expectedSign))
        #expect(first["accessToken"] == .string("access-token-1"))
        let second = try JSONValue.parse(bytes: transport.requests[1].body)
        #expect(second["orderId"] == .string("P7001"))
        let order = try #require(page.items.first)
        #expect(order.status == .awaitingShipment)
        #expect(order.modifiedAtMillis == 1_699_999_800_123)
        #expect(order.paid == Money(fen: 2590))
        #expect(order.receiverOpenID == "OPEN-1")
        #expect(order.lines.first?.unitPrice == Money(fen: 1000))
        #expect(order.lines.first?.outerID == "SKU-1")
    }

    @Test(
        "statuses follow spec §8",
        arguments: [
            (1, 1, PlatformOrderStatus.pendingPayment), (5, 1, .awaitingShipment), (6, 1, .shipped),
            (7, 1, .delivered), (9, 1, .closed), (6, 2, .refunding), (10, 1, .refunding), (8, 3, .refunded),
        ]
    )
    func statuses(status: Int, afterSales: Int, expected: PlatformOrderStatus) throws {
        let transport = StubTransport(Self.detail(status: status, afterSales: afterSales))
        #expect(try Self.channel(transport).order(platformOrderID: "P7001").status == expected)
    }

    @Test("a refresh more than 30 minutes before expiry changes nothing and calls nothing")
    func refreshTooEarly() throws {
        let transport = StubTransport("{}")
        var current = credentials(.xiaohongshu).authorization
        current.accessExpiresAtMillis = fixedNow + 31 * 60_000
        #expect(try Self.channel(transport).refreshAuthorization(current) == current)
        #expect(transport.requests.isEmpty)
    }

    @Test("a refresh within 30 minutes of expiry takes the new pair and its expiry instants")
    func refreshInTime() throws {
        let transport = StubTransport(
            #"{"success":true,"data":{"accessToken":"new-access","accessTokenExpiresAt":1700604800000,"#
                + #""refreshToken":"new-refresh","refreshTokenExpiresAt":1701209600000}}"#
        )
        var current = credentials(.xiaohongshu).authorization
        current.accessExpiresAtMillis = fixedNow + 29 * 60_000
        let renewed = try Self.channel(transport).refreshAuthorization(current)
        #expect(
            renewed
                == ShopAuthorization(
                    accessToken: "new-access",
                    accessExpiresAtMillis: 1_700_604_800_000,
                    refreshToken: "new-refresh",
                    refreshExpiresAtMillis: 1_701_209_600_000
                )
        )
        #expect(try JSONValue.parse(bytes: transport.requests[0].body)["accessToken"] == nil)
    }

    @Test("an error naming an expired token puts the shop to 授权过期")
    func expiredToken() {
        let answer = #"{"success":false,"error_code":-1,"error_msg":"accessToken已过期"}"#
        #expect(throws: ChannelError.authorizationExpired(code: "-1", message: "accessToken已过期")) {
            try Self.channel(StubTransport(answer)).order(platformOrderID: "P1")
        }
    }

    @Test("after-sales are listed by update time in milliseconds, amounts in yuan")
    func refunds() throws {
        let answer =
            #"{"success":true,"data":{"total":1,"afterSaleBasicInfos":[{"returnsId":"R1","orderId":"P7001","#
            + #""returnType":1,"status":3,"refundFee":"19.90","createdTime":1699999000000,"#
            + #""updatedTime":1699999900000,"returnExpressNo":"SF1"}]}}"#
        let transport = StubTransport(answer)
        let refund = try #require(
            try Self.channel(transport).refunds(modifiedIn: Self.window, cursor: nil).items.first
        )
        let body = try JSONValue.parse(bytes: transport.requests[0].body)
        #expect(body["startTime"] == .int(1_699_998_200_000))
        #expect(body["method"] == .string("afterSale.listAfterSaleInfos"))
        #expect(refund.kind == .returnAndRefund)
        #expect(refund.status == .returning)
        #expect(refund.amount == Money(fen: 1990))
        #expect(refund.modifiedAtMillis == 1_699_999_900_000)
        #expect(refund.returnTrackingNumber == "SF1")
    }
}
