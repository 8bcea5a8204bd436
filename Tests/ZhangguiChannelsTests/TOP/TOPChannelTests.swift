import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices

@Suite("淘宝 / 天猫 (TOP) channel")
struct TOPChannelTests {
    static func channel(_ transport: StubTransport) -> TOPChannel {
        TOPChannel(credentials: credentials(.taobao), transport: transport, clock: fixedClock, log: .silent)
    }

    static let window = SyncWindow(startMillis: fixedNow - 1_800_000, endMillis: fixedNow)

    static func listAnswer(total: Int, tids: [Int]) -> String {
        let trades = tids.map { tradeJSON(tid: $0) }.joined(separator: ",")
        return #"{"trades_sold_increment_get_response":{"total_results":\#(total),"trades":{"trade":[\#(trades)]}}}"#
    }

    static func tradeJSON(tid: Int, status: String = "WAIT_SELLER_SEND_GOODS", refund: String = "NO_REFUND") -> String {
        #"{"tid":\#(tid),"status":"\#(status)","created":"2023-11-15 06:00:00","pay_time":"2023-11-15 06:01:00","#
            + #""modified":"2023-11-15 06:10:00","payment":"19.90","post_fee":"0.00","discount_fee":"0.10","#
            + #""orders":{"order":[{"oid":\#(tid)1,"num":2,"price":"10.00","discount_fee":"0.00","adjust_fee":"0.00","#
            + #""outer_sku_id":"SKU-1","refund_status":"\#(refund)","status":"\#(status)"}]}}"#
    }

    @Test("a listing is a signed form POST with GMT+8 times and the session")
    func requestIsSigned() throws {
        let transport = StubTransport(Self.listAnswer(total: 1, tids: [1]))
        _ = try Self.channel(transport).orders(modifiedIn: Self.window, cursor: nil)
        let form = transport.form(0)
        #expect(transport.requests[0].method == .post)
        #expect(form["method"] == "taobao.trades.sold.increment.get")
        #expect(form["timestamp"] == "2023-11-15 06:13:20")
        #expect(form["start_modified"] == "2023-11-15 05:43:20")
        #expect(form["end_modified"] == "2023-11-15 06:13:20")
        #expect(form["session"] == "access-token-1")
        #expect(form["page_no"] == "1")
        var unsigned = form
        unsigned["sign"] = nil
        #expect(form["sign"] == TOPSigner.sign(unsigned, secret: "app-secret-1", method: .md5))
    }

    @Test("250 trades are read page 1, then 3, 2 and 1 again")
    func pagesBackwards() throws {
        let transport = StubTransport(Self.listAnswer(total: 250, tids: [1]))
        let channel = Self.channel(transport)
        var cursor: String? = nil
        var pages: [String] = []
        repeat {
            let page = try channel.orders(modifiedIn: Self.window, cursor: cursor)
            pages.append(transport.form(transport.requests.count - 1)["page_no"] ?? "")
            cursor = page.nextCursor
        } while cursor != nil
        #expect(pages == ["1", "3", "2", "1"])
    }

    @Test("a trade's yuan become fen and its GMT+8 times UTC milliseconds")
    func parsesTrade() throws {
        let transport = StubTransport(Self.listAnswer(total: 1, tids: [42]))
        let order = try #require(try Self.channel(transport).orders(modifiedIn: Self.window, cursor: nil).items.first)
        #expect(order.platformOrderID == "42")
        #expect(order.status == .awaitingShipment)
        #expect(order.createdAtMillis == 1_699_999_200_000)
        #expect(order.paidAtMillis == 1_699_999_260_000)
        #expect(order.paid == Money(fen: 1990))
        #expect(order.discount == Money(fen: 10))
        #expect(order.lines.map(\.outerID) == ["SKU-1"])
        #expect(order.lines.first?.unitPrice == Money(fen: 1000))
    }

    @Test(
        "statuses follow spec §8 with the refund overlay",
        arguments: [
            ("WAIT_BUYER_PAY", "NO_REFUND", PlatformOrderStatus.pendingPayment),
            ("WAIT_SELLER_SEND_GOODS", "WAIT_SELLER_AGREE", .refunding),
            ("WAIT_BUYER_CONFIRM_GOODS", "NO_REFUND", .shipped),
            ("TRADE_FINISHED", "NO_REFUND", .delivered),
            ("TRADE_CLOSED_BY_TAOBAO", "NO_REFUND", .closed),
            ("TRADE_CLOSED", "SUCCESS", .refunded),
            ("WAIT_BUYER_CONFIRM_GOODS", "SUCCESS", .refunded),
        ]
    )
    func statuses(status: String, refund: String, expected: PlatformOrderStatus) throws {
        let answer =
            #"{"trade_fullinfo_get_response":{"trade":\#(Self.tradeJSON(tid: 7, status: status, refund: refund))}}"#
        #expect(try Self.channel(StubTransport(answer)).order(platformOrderID: "7").status == expected)
    }

    @Test("PAID_FORBID_CONSIGN is awaiting shipment but held by the platform")
    func forbidConsignIsHeld() throws {
        let answer =
            #"{"trade_fullinfo_get_response":{"trade":\#(Self.tradeJSON(tid: 7, status: "PAID_FORBID_CONSIGN"))}}"#
        let order = try Self.channel(StubTransport(answer)).order(platformOrderID: "7")
        #expect(order.status == .awaitingShipment)
        #expect(order.isHeldByPlatform)
    }

    @Test("code 27 means the seller must authorise again, without the token in the message")
    func invalidSession() {
        let answer = #"{"error_response":{"code":27,"msg":"Invalid session","sub_msg":"access-token-1 expired"}}"#
        #expect(throws: ChannelError.authorizationExpired(code: "27", message: "Invalid session: *** expired")) {
            try Self.channel(StubTransport(answer)).order(platformOrderID: "7")
        }
    }

    @Test("code 7 waits one second longer than the ban")
    func rateLimited() {
        let answer =
            #"{"error_response":{"code":7,"msg":"App Call Limited","#
            + #""sub_code":"accesscontrol.limited-by-app-access-count","#
            + #""sub_msg":"This ban will last for 12 more seconds"}}"#
        #expect(
            throws: ChannelError.rateLimited(
                retryAfterSeconds: 13,
                message: "App Call Limited: This ban will last for 12 more seconds"
            )
        ) {
            try Self.channel(StubTransport(answer)).order(platformOrderID: "7")
        }
    }

    @Test("code 15 is the platform failing, unless its sub_code (isv.…) blames the request")
    func remoteServiceError() {
        let refused =
            #"{"error_response":{"code":15,"msg":"Remote service error","#
            + #""sub_code":"isv.logistics-offline-service-error","sub_msg":"not in a state that can ship"}}"#
        let failing = #"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-error"}}"#
        #expect(
            throws: ChannelError.rejected(
                code: "15/isv.logistics-offline-service-error",
                message: "Remote service error: not in a state that can ship"
            )
        ) {
            try Self.channel(StubTransport(refused)).order(platformOrderID: "7")
        }
        #expect(
            throws: ChannelError.unavailable(message: "15/isp.top-remote-error: Remote service error")
        ) {
            try Self.channel(StubTransport(failing)).order(platformOrderID: "7")
        }
    }

    @Test("a window longer than a day is refused before any call")
    func windowTooLong() {
        let transport = StubTransport("{}")
        let window = SyncWindow(startMillis: 0, endMillis: 86_400_001)
        #expect(throws: ChannelError.self) { try Self.channel(transport).orders(modifiedIn: window, cursor: nil) }
        #expect(transport.requests.isEmpty)
    }

    @Test("refreshing reads token_result with lifetimes from now")
    func refresh() throws {
        let token =
            #"{\"access_token\":\"new-access\",\"expires_in\":86400,"#
            + #"\"refresh_token\":\"new-refresh\",\"re_expires_in\":172800}"#
        let transport = StubTransport(#"{"top_auth_token_refresh_response":{"token_result":"\#(token)"}}"#)
        let current = credentials(.taobao).authorization
        let renewed = try Self.channel(transport).refreshAuthorization(current)
        #expect(
            renewed
                == ShopAuthorization(
                    accessToken: "new-access",
                    accessExpiresAtMillis: fixedNow + 86_400_000,
                    refreshToken: "new-refresh",
                    refreshExpiresAtMillis: fixedNow + 172_800_000
                )
        )
        #expect(transport.form(0)["session"] == nil)
        #expect(transport.form(0)["refresh_token"] == "refresh-token-1")
    }

    @Test(
        "the real trade.fullinfo.get example parses",
        .enabled(if: SharedExamples.isAvailable, SharedExamples.skipReason)
    )
    func realExample() throws {
        let answer = try SharedExamples.text("taobao_trade_fullinfo_get_response.json")
        let order = try Self.channel(StubTransport(answer)).order(platformOrderID: "500001084")
        #expect(order.platformOrderID == "500001084")
        #expect(order.status == .awaitingShipment)
        #expect(order.createdAtMillis == 1_501_222_712_000)
        #expect(order.paid == Money(fen: 32_358))
        #expect(order.discount == Money(fen: 1042))
        #expect(order.lines.map(\.outerID) == ["B-C352-F301-356M", "B-C352-F302-357M"])
        #expect(order.lines.map(\.discount) == [Money(fen: 500), Money(fen: 1900)])
        #expect(order.receiver.address == "陕西省西安市新城区示例路100")
        #expect(order.sellerMemo == "改为发顺丰")
    }

    @Test("a parcel with some lines is sent split, naming their oids")
    func splitShipment() throws {
        let transport = StubTransport(#"{"logistics_offline_send_response":{"shipping":{"is_success":true}}}"#)
        let shipment = PlatformShipment(
            platformOrderID: "42",
            lineIDs: ["421", "422"],
            courierCode: "ZTO",
            trackingNumber: "ZT100"
        )
        try Self.channel(transport).confirmShipment(shipment)
        let form = transport.form(0)
        #expect(form["method"] == "taobao.logistics.offline.send")
        #expect(form["is_split"] == "1")
        #expect(form["sub_tid"] == "421,422")
        #expect(form["out_sid"] == "ZT100")
    }

    @Test("a shipment without a tracking number is refused before any call")
    func blankTrackingNumber() {
        let transport = StubTransport("{}")
        let shipment = PlatformShipment(platformOrderID: "42", courierCode: "ZTO", trackingNumber: " ")
        #expect(
            throws: ChannelError.rejected(code: "bad-input", message: "the tracking number of the shipment is empty")
        ) { try Self.channel(transport).confirmShipment(shipment) }
        #expect(transport.requests.isEmpty)
    }

    @Test("stock is set absolutely (type 1), by SKU id when there is one")
    func stockPush() throws {
        let transport = StubTransport(#"{"item_quantity_update_response":{"item":{}}}"#)
        try Self.channel(transport).pushStock(PlatformStockUpdate(itemID: "100", skuID: "5000", quantity: 3))
        let form = transport.form(0)
        #expect(form["num_iid"] == "100")
        #expect(form["sku_id"] == "5000")
        #expect(form["quantity"] == "3")
        #expect(form["type"] == "1")
    }

    @Test("refunds map TOP's refund states and read refund_fee in yuan")
    func refunds() throws {
        let answer =
            #"{"refunds_receive_get_response":{"total_results":1,"refunds":{"refund":[{"refund_id":"9","tid":"42","#
            + #""oid":"421","status":"WAIT_BUYER_RETURN_GOODS","has_good_return":true,"refund_fee":"10.50","#
            + #""created":"2023-11-15 06:00:00","modified":"2023-11-15 06:05:00","sid":""}]}}}"#
        let transport = StubTransport(answer)
        let refund = try #require(
            try Self.channel(transport).refunds(modifiedIn: Self.window, cursor: nil).items.first
        )
        #expect(transport.form(0)["method"] == "taobao.refunds.receive.get")
        #expect(refund.kind == .returnAndRefund)
        #expect(refund.status == .awaitingReturn)
        #expect(refund.amount == Money(fen: 1050))
        #expect(refund.lineIDs == ["421"])
        #expect(refund.modifiedAtMillis == 1_699_999_500_000)
    }

    @Test("with fetchDetailForListedTrades each listed trade is read again whole")
    func detailForListedTrades() throws {
        let detail = #"{"trade_fullinfo_get_response":{"trade":\#(Self.tradeJSON(tid: 42))}}"#
        let transport = StubTransport(Self.listAnswer(total: 1, tids: [42]), detail)
        let channel = TOPChannel(
            credentials: credentials(.taobao),
            transport: transport,
            settings: TOPSettings(fetchDetailForListedTrades: true),
            clock: fixedClock,
            log: .silent
        )
        let page = try channel.orders(modifiedIn: Self.window, cursor: nil)
        #expect(page.items.map(\.platformOrderID) == ["42"])
        #expect(transport.form(1)["method"] == "taobao.trade.fullinfo.get")
        #expect(transport.form(1)["tid"] == "42")
    }
}
