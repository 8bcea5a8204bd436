import ZhangguiCore
import ZhangguiServices

/// Reads a TOP `Trade` (list or `trade.fullinfo.get`) into a ``PlatformOrder``: yuan strings to fen, GMT+8 texts
/// to UTC milliseconds, statuses per specs/platform-apis.md §8.
enum TOPTradeParser {
    static let pendingPayment: Set<String> = [
        "TRADE_NO_CREATE_PAY", "WAIT_BUYER_PAY", "PAY_PENDING", "WAIT_PRE_AUTH_CONFIRM",
    ]
    static let awaitingShipment: Set<String> = [
        "WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART", "PAID_FORBID_CONSIGN",
    ]
    static let openRefund: Set<String> = ["WAIT_SELLER_AGREE", "WAIT_BUYER_RETURN_GOODS", "WAIT_SELLER_CONFIRM_GOODS"]

    static func order(from trade: WireObject) throws(ChannelError) -> PlatformOrder {
        let status = try trade.requiredText("status")
        let base = try baseStatus(status, path: trade.path)
        let lineObjects = try trade.objects("orders", wrapper: "order")
        let lines = try lineObjects.mapChannel(line(from:))
        let refundStates = lineObjects.map { $0.text("refund_status") }
        let isFullyRefunded =
            status == "TRADE_CLOSED" || (!refundStates.isEmpty && refundStates.allSatisfy { $0 == "SUCCESS" })
        let created = try trade.requiredGMT8Time("created")
        return PlatformOrder(
            platformOrderID: try trade.requiredText("tid"),
            status: OrderStatusRules.overlay(
                base: base,
                hasOpenRefund: lines.contains { $0.hasOpenRefund },
                isFullyRefunded: isFullyRefunded
            ),
            isHeldByPlatform: status == "PAID_FORBID_CONSIGN"
                || lineObjects.contains { $0.text("status") == "TRADE_CLOSED_BY_TAOBAO" } && base == .awaitingShipment,
            createdAtMillis: created,
            paidAtMillis: try trade.gmt8Time("pay_time"),
            modifiedAtMillis: try trade.gmt8Time("modified") ?? created,
            receiver: receiver(from: trade),
            receiverOpenID: trade.text("oaid"),
            lines: lines,
            discount: try trade.yuan("discount_fee"),
            freight: try trade.yuan("post_fee"),
            paid: try trade.yuan("payment"),
            buyerNote: trade.text("buyer_message"),
            sellerMemo: trade.text("seller_memo"),
            rawPayload: trade.value.serialized()
        )
    }

    static func baseStatus(_ status: String, path: String) throws(ChannelError) -> PlatformOrderStatus {
        if pendingPayment.contains(status) { return .pendingPayment }
        if awaitingShipment.contains(status) { return .awaitingShipment }
        switch status {
        case "WAIT_BUYER_CONFIRM_GOODS": return .shipped
        case "TRADE_BUYER_SIGNED", "TRADE_FINISHED": return .delivered
        case "TRADE_CLOSED_BY_TAOBAO": return .closed
        case "TRADE_CLOSED": return .refunded
        default: throw .malformedResponse(message: "\(path).status '\(status)' is not a known TOP trade status")
        }
    }

    /// One `Order` (sub-order): the line discount is `discount_fee − adjust_fee`, as TOP defines
    /// `total_fee = price × num + adjust_fee − discount_fee`.
    static func line(from order: WireObject) throws(ChannelError) -> PlatformOrderLine {
        let outerSKU = order.text("outer_sku_id")
        return PlatformOrderLine(
            lineID: try order.requiredText("oid"),
            itemID: order.text("num_iid"),
            skuID: order.text("sku_id"),
            outerID: outerSKU.isEmpty ? order.text("outer_iid") : outerSKU,
            title: order.text("title"),
            quantity: try order.requiredInt("num"),
            unitPrice: try order.yuan("price"),
            discount: try order.yuan("discount_fee") - order.yuan("adjust_fee"),
            hasOpenRefund: openRefund.contains(order.text("refund_status"))
        )
    }

    static func receiver(from trade: WireObject) -> Receiver {
        let mobile = trade.text("receiver_mobile")
        return Receiver(
            name: trade.text("receiver_name"),
            phone: mobile.isEmpty ? trade.text("receiver_phone") : mobile,
            province: trade.text("receiver_state"),
            city: trade.text("receiver_city"),
            district: trade.text("receiver_district"),
            address: trade.text("receiver_address").trimmed
        )
    }
}

/// Reads a TOP `Refund` (`taobao.refunds.receive.get`) into a ``PlatformRefund``.
enum TOPRefundParser {
    static func refund(from refund: WireObject) throws(ChannelError) -> PlatformRefund {
        let status = try refund.requiredText("status")
        let created = try refund.gmt8Time("created") ?? 0
        let oid = refund.text("oid")
        return PlatformRefund(
            refundID: try refund.requiredText("refund_id"),
            platformOrderID: try refund.requiredText("tid"),
            lineIDs: oid.isEmpty ? [] : [oid],
            kind: try kind(of: refund, status: status),
            status: try afterSaleStatus(status, path: refund.path),
            amount: try refund.yuan("refund_fee"),
            reason: refund.text("reason"),
            createdAtMillis: created,
            modifiedAtMillis: try refund.gmt8Time("modified") ?? created,
            returnTrackingNumber: refund.text("sid"),
            rawPayload: refund.value.serialized()
        )
    }

    static let exchangeStates: Set<String> = [
        "WAIT_BUYER_CONFIRM_EXCHANGE_SELLER_SEND_GOODS", "WAIT_SELLER_CONSIGN_GOODS",
    ]

    static func kind(of refund: WireObject, status: String) throws(ChannelError) -> AfterSaleKind {
        if exchangeStates.contains(status) { return .exchange }
        return refund.value["has_good_return"]?.bool == true ? .returnAndRefund : .refundOnly
    }

    static func afterSaleStatus(_ status: String, path: String) throws(ChannelError) -> AfterSaleStatus {
        switch status {
        case "WAIT_SELLER_AGREE", "EXCHANGE_TRANSFORM_TO_REFUND": return .requested
        case "WAIT_BUYER_RETURN_GOODS": return .awaitingReturn
        case "WAIT_SELLER_CONFIRM_GOODS", "WAIT_BUYER_CONFIRM_EXCHANGE_SELLER_SEND_GOODS", "WAIT_SELLER_CONSIGN_GOODS":
            return .returning
        case "SUCCESS": return .succeeded
        case "SELLER_REFUSE_BUYER": return .refused
        case "CLOSED": return .closed
        default: throw .malformedResponse(message: "\(path).status '\(status)' is not a known TOP refund status")
        }
    }
}
