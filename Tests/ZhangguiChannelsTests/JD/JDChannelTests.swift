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

    static func applications(total: Int, statuses: [Int]) -> String {
        let items = statuses.enumerated().map { index, status in
            #"{"id":"R\#(index + 1)","orderId":"300001","status":\#(status),"applyTime":"2023-11-15 06:05:00","#
                + #""checkTime":"2023-11-15 06:07:30","applyRefundSum":3100,"reason":"不想要了","buyerName":"***"}"#
        }
        return #"{"jingdong_pop_afs_soa_refundapply_queryPageList_responce":{"code":"0","queryResult":{"#
            + #""success":true,"totalCount":\#(total),"result":[\#(items.joined(separator: ","))]}}}"#
    }

    @Test("refund applications are listed by apply time, from the last page back to the first")
    func refundApplications() throws {
        // 120 applications at 50 a page: page 1 (learns the total), then 3, 2 and 1 again.
        let transport = StubTransport(Self.applications(total: 120, statuses: [0]))
        let channel = Self.channel(transport)
        var cursor: String?
        var pages: [String] = []
        repeat {
            let page = try channel.refunds(modifiedIn: Self.window, cursor: cursor)
            cursor = page.nextCursor
            let business = try JSONValue.parse(transport.form(transport.requests.count - 1)["360buy_param_json"] ?? "")
            pages.append(business["pageIndex"]?.text ?? "")
        } while cursor != nil
        #expect(pages == ["1", "3", "2", "1"])
        let business = try JSONValue.parse(transport.form(0)["360buy_param_json"] ?? "")
        #expect(business["applyTimeStart"] == .string("2023-11-15 05:13:20"))
        #expect(business["applyTimeEnd"] == .string("2023-11-15 06:13:20"))
        #expect(transport.form(0)["method"] == "jingdong.pop.afs.soa.refundapply.queryPageList")
    }

    @Test(
        "an application's status and amount are read as the settings say; an unknown status stays open",
        arguments: [
            (0, AfterSaleStatus.requested), (1, .awaitingReturn), (2, .refused), (3, .succeeded), (4, .closed),
            (99, .requested),
        ]
    )
    func applicationStatus(code: Int, expected: AfterSaleStatus) throws {
        let page = try Self.channel(StubTransport(Self.applications(total: 1, statuses: [code])))
            .refunds(modifiedIn: Self.window, cursor: nil)
        let refund = try #require(page.items.first)
        #expect(refund.status == expected)
        #expect(refund.refundID == "R1")
        #expect(refund.platformOrderID == "300001")
        #expect(refund.kind == .refundOnly)
        #expect(refund.amount == Money(fen: 3100))
        // 2023-11-15 06:05:00 and 06:07:30 GMT+8 = 1699999500 s and 1699999650 s UTC.
        #expect(refund.createdAtMillis == 1_699_999_500_000)
        #expect(refund.modifiedAtMillis == 1_699_999_650_000)
    }

    @Test("amounts in yuan when the settings say so: 3100 yuan is 310000 fen")
    func refundAmountInYuan() throws {
        var settings = JDSettings()
        settings.refundAmountsInFen = false
        let channel = JDChannel(
            credentials: credentials(.jd),
            transport: StubTransport(Self.applications(total: 1, statuses: [0])),
            settings: settings,
            clock: fixedClock,
            log: .silent
        )
        let refund = try #require(try channel.refunds(modifiedIn: Self.window, cursor: nil).items.first)
        #expect(refund.amount == Money(fen: 310_000))
    }
}
