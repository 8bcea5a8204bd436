import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices

@Suite("拼多多 channel")
struct PDDChannelTests {
    static func channel(_ transport: StubTransport) -> PDDChannel {
        PDDChannel(credentials: credentials(.pinduoduo), transport: transport, clock: fixedClock, log: .silent)
    }

    static let window = SyncWindow(startMillis: fixedNow - 1_800_000, endMillis: fixedNow)

    static func orderJSON(_ fields: String) -> String {
        #"{"order_sn":"231115-1","order_status":1,"refund_status":1,"created_time":"2023-11-15 06:00:00","#
            + #""updated_at":"2023-11-15 06:10:00","pay_amount":12.5,"goods_amount":12.5,"discount_amount":0,"#
            + #""postage":0,"item_list":[{"goods_id":"9","sku_id":"91","outer_id":"SKU-9","goods_count":1,"#
            + #""goods_price":12.5,"goods_name":"示例商品"}]\#(fields)}"#
    }

    static func detail(_ fields: String = "") -> String {
        #"{"order_info_get_response":{"order_info":\#(orderJSON(fields))}}"#
    }

    @Test("a listing is a signed form POST with Unix seconds")
    func requestIsSigned() throws {
        let transport = StubTransport(#"{"order_sn_increment_get_response":{"total_count":0,"order_sn_list":[]}}"#)
        let page = try Self.channel(transport).orders(modifiedIn: Self.window, cursor: nil)
        #expect(page.items.isEmpty && page.nextCursor == nil)
        let form = transport.form(0)
        #expect(form["type"] == "pdd.order.number.list.increment.get")
        #expect(form["timestamp"] == "1700000000")
        #expect(form["start_updated_at"] == "1699998200")
        #expect(form["end_updated_at"] == "1700000000")
        #expect(form["client_id"] == "app-key-1")
        var unsigned = form
        unsigned["sign"] = nil
        #expect(form["sign"] == PDDSigner.sign(unsigned, clientSecret: "app-secret-1"))
    }

    @Test("a window over 30 minutes is refused")
    func windowTooLong() {
        let window = SyncWindow(startMillis: 0, endMillis: 1_800_001)
        #expect(throws: ChannelError.self) {
            try Self.channel(StubTransport("{}")).orders(modifiedIn: window, cursor: nil)
        }
    }

    @Test("201 orders are read page 1, then 3, 2 and 1 again")
    func pagesBackwards() throws {
        let transport = StubTransport(#"{"order_sn_increment_get_response":{"total_count":201,"order_sn_list":[]}}"#)
        var cursor: String? = nil
        var pages: [String] = []
        repeat {
            cursor = try Self.channel(transport).orders(modifiedIn: Self.window, cursor: cursor).nextCursor
            pages.append(transport.form(transport.requests.count - 1)["page"] ?? "")
        } while cursor != nil
        #expect(pages == ["1", "3", "2", "1"])
    }

    @Test(
        "statuses follow spec §8, holds while the group or risk check is open",
        arguments: [
            (#","confirm_status":1"#, PlatformOrderStatus.awaitingShipment, false),
            (#","group_status":0"#, .awaitingShipment, true),
            (#","risk_control_status":1"#, .awaitingShipment, true),
            (#","confirm_status":2"#, .closed, false),
            (#","refund_status":3"#, .refunding, false),
            (#","after_sales_status":10"#, .refunded, false),
        ]
    )
    func statuses(fields: String, expected: PlatformOrderStatus, isHeld: Bool) throws {
        let order = try Self.channel(StubTransport(Self.detail(fields))).order(platformOrderID: "231115-1")
        #expect(order.status == expected)
        #expect(order.isHeldByPlatform == isHeld)
    }

    @Test("code 10019 means the seller must authorise again")
    func expiredToken() {
        let answer = #"{"error_response":{"error_code":10019,"error_msg":"access_token已过期"}}"#
        #expect(throws: ChannelError.authorizationExpired(code: "10019", message: "access_token已过期")) {
            try Self.channel(StubTransport(answer)).order(platformOrderID: "1")
        }
    }

    @Test("an after-sales record maps its type, status and yuan amount")
    func refund() throws {
        let answer =
            #"{"refund_increment_get_response":{"total_count":1,"refund_list":[{"id":5,"order_sn":"231115-1","#
            + #""after_sales_type":3,"after_sales_status":7,"refund_amount":"12.50","sku_id":"91","#
            + #""created_time":"2023-11-15 06:00:00","updated_time":"2023-11-15 06:05:00"}]}}"#
        let refund = try #require(
            try Self.channel(StubTransport(answer)).refunds(modifiedIn: Self.window, cursor: nil).items.first
        )
        #expect(refund.kind == .returnAndRefund)
        #expect(refund.status == .awaitingReturn)
        #expect(refund.amount == Money(fen: 1250))
        #expect(refund.lineIDs == ["91"])
        #expect(refund.modifiedAtMillis == 1_699_999_500_000)
    }

    @Test(
        "the real order.information.get example parses",
        .enabled(if: SharedExamples.isAvailable, SharedExamples.skipReason)
    )
    func realDetail() throws {
        let answer = try SharedExamples.text("pdd_order_information_get_response.json")
        let order = try Self.channel(StubTransport(answer)).order(platformOrderID: "180831-481803633911509")
        #expect(order.platformOrderID == "180831-481803633911509")
        #expect(order.status == .awaitingShipment)
        #expect(order.createdAtMillis == 1_535_683_353_000)
        #expect(order.paid == Money(fen: 1101))
        #expect(order.lines.map(\.skuID) == ["51972265894"])
        #expect(order.lines.first?.unitPrice == Money(fen: 1101))
        #expect(order.receiver.district == "长宁区")
    }

    @Test(
        "the real increment.get example parses",
        .enabled(if: SharedExamples.isAvailable, SharedExamples.skipReason)
    )
    func realIncrement() throws {
        let answer = try SharedExamples.text("pdd_order_number_list_increment_get_response.json")
        let page = try Self.channel(StubTransport(answer)).orders(modifiedIn: Self.window, cursor: nil)
        #expect(page.nextCursor == nil)
        let order = try #require(page.items.first)
        #expect(order.status == .shipped)
        #expect(order.paid == Money(fen: 450))
        #expect(order.modifiedAtMillis == 1_533_901_414_000)
        #expect(order.receiver.phone == "1380013****")
    }

    @Test("window ends in milliseconds are sent rounded down to the second on both sides")
    func boundariesRoundDown() throws {
        let transport = StubTransport(#"{"order_sn_increment_get_response":{"total_count":0,"order_sn_list":[]}}"#)
        let window = SyncWindow(startMillis: 1_699_999_999_800, endMillis: 1_700_001_000_300)
        _ = try Self.channel(transport).orders(modifiedIn: window, cursor: nil)
        #expect(transport.form(0)["start_updated_at"] == "1699999999")
        #expect(transport.form(0)["end_updated_at"] == "1700001000")
    }
}
