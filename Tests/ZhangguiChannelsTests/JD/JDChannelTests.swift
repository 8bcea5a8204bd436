import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices

@Suite("京东 JOS channel")
struct JDChannelTests {
    static func channel(_ transport: StubTransport) -> JDChannel {
        JDChannel(credentials: credentials(.jd), transport: transport, clock: fixedClock, log: .silent)
    }

    static let window = SyncWindow(startMillis: fixedNow - 3_600_000, endMillis: fixedNow)

    static func orderInfo(state: String = "WAIT_SELLER_STOCK_OUT", paid: String = "2023-11-15 06:01:00") -> String {
        #"{"orderId":"300001","orderState":"\#(state)","orderStartTime":"2023-11-15 06:00:00","#
            + #""paymentConfirmTime":"\#(paid)","modified":"2023-11-15 06:10:00","orderPayment":"99.00","#
            + #""freightPrice":"6.00","sellerDiscount":"5.00","orderRemark":"","venderRemark":"加急","#
            + #""consigneeInfo":{"fullname":"赵*","mobile":"138****8000","province":"北京","city":"北京市","#
            + #""county":"朝阳区","fullAddress":"北京朝阳区***"},"#
            + #""itemInfoList":[{"skuId":"7001","wareId":"70","outerSkuId":"SKU-7","skuName":"示例","itemTotal":"2","#
            + #""jdPrice":"49.00"}]}"#
    }

    @Test("a listing carries its business parameters in a signed 360buy_param_json")
    func requestIsSigned() throws {
        let answer =
            #"{"jingdong_pop_order_enSearch_responce":{"code":"0","searchorderinfo_result":{"orderTotal":1,"#
            + #""orderInfoList":[\#(Self.orderInfo())]}}}"#
        let transport = StubTransport(answer)
        let page = try Self.channel(transport).orders(modifiedIn: Self.window, cursor: nil)
        #expect(page.nextCursor == nil)
        let form = transport.form(0)
        let business = try JSONValue.parse(form["360buy_param_json"] ?? "")
        #expect(business["start_date"] == .string("2023-11-15 05:13:20"))
        #expect(business["page"] == .string("1"))
        #expect(form["access_token"] == "access-token-1")
        var unsigned = form
        unsigned["sign"] = nil
        #expect(form["sign"] == JDSigner.sign(unsigned, secret: "app-secret-1"))
        let order = try #require(page.items.first)
        #expect(order.paid == Money(fen: 9900))
        #expect(order.freight == Money(fen: 600))
        #expect(order.lines.first?.quantity == 2)
        #expect(order.lines.first?.outerID == "SKU-7")
        #expect(order.sellerMemo == "加急")
    }

    @Test(
        "states follow spec §8; a cancelled order that was paid is refunded",
        arguments: [
            ("WAIT_SELLER_STOCK_OUT", "2023-11-15 06:01:00", PlatformOrderStatus.awaitingShipment, false),
            ("LOCKED", "2023-11-15 06:01:00", .awaitingShipment, true),
            ("WAIT_GOODS_RECEIVE_CONFIRM", "2023-11-15 06:01:00", .shipped, false),
            ("FINISHED_L", "2023-11-15 06:01:00", .delivered, false),
            ("TRADE_CANCELED", "2023-11-15 06:01:00", .refunded, false),
            ("TRADE_CANCELED", "", .closed, false),
        ]
    )
    func states(state: String, paid: String, expected: PlatformOrderStatus, isHeld: Bool) throws {
        let answer =
            #"{"jingdong_pop_order_enGet_responce":{"code":"0","orderDetailInfo":{"orderInfo":"#
            + #"\#(Self.orderInfo(state: state, paid: paid))}}}"#
        let order = try Self.channel(StubTransport(answer)).order(platformOrderID: "300001")
        #expect(order.status == expected)
        #expect(order.isHeldByPlatform == isHeld)
    }

    @Test("code 19 means the seller must authorise again")
    func expiredToken() {
        let answer = #"{"error_response":{"code":"19","zh_desc":"token已过期或者不存在","en_desc":"token expired"}}"#
        #expect(throws: ChannelError.authorizationExpired(code: "19", message: "token已过期或者不存在")) {
            try Self.channel(StubTransport(answer)).order(platformOrderID: "1")
        }
    }
}
