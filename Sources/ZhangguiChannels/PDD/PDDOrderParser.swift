import ZhangguiCore
import ZhangguiServices

/// Reads a 拼多多 order (`order_sn_list[]`, `order_info`) into a ``PlatformOrder``: yuan numbers to fen, GMT+8
/// texts to UTC milliseconds, statuses per specs/platform-apis.md §8.
enum PDDOrderParser {
    /// `after_sales_status` values of a request still open (§8).
    static let openAfterSales: Set<Int64> = [2, 3, 4, 5, 6, 7, 8, 14, 15, 21, 22, 31, 32, 33]

    static func order(from order: WireObject) throws(ChannelError) -> PlatformOrder {
        let orderSN = try order.requiredText("order_sn")
        let base = try baseStatus(of: order)
        let refundStatus = try order.int("refund_status", default: 1)
        let afterSales = try order.int("after_sales_status")
        let created = try order.requiredGMT8Time("created_time")
        let confirmStatus = try order.optionalInt("confirm_status")
        let groupStatus = try order.optionalInt("group_status")
        let riskControl = try order.optionalInt("risk_control_status")
        let isHeld = base == .awaitingShipment && (confirmStatus == 0 || groupStatus == 0 || riskControl == 1)
        let paid = try order.gmt8Time("pay_time")
        let confirmed = try order.gmt8Time("confirm_time")
        let modified = try order.gmt8Time("updated_at")
        return PlatformOrder(
            platformOrderID: orderSN,
            status: OrderStatusRules.overlay(
                base: base,
                hasOpenRefund: refundStatus == 2 || refundStatus == 3 || openAfterSales.contains(afterSales),
                isFullyRefunded: refundStatus == 4 || afterSales == 10
            ),
            isHeldByPlatform: isHeld,
            createdAtMillis: created,
            paidAtMillis: paid ?? confirmed,
            modifiedAtMillis: modified ?? created,
            receiver: receiver(from: order),
            receiverOpenID: order.text("open_address_id"),
            lines: try order.objects("item_list").mapChannel(line(from:)),
            discount: try order.yuan("discount_amount"),
            freight: try order.yuan("postage"),
            paid: try order.yuan("pay_amount"),
            buyerNote: order.text("buyer_memo"),
            sellerMemo: order.text("remark"),
            rawPayload: order.value.serialized()
        )
    }

    static func baseStatus(of order: WireObject) throws(ChannelError) -> PlatformOrderStatus {
        if try order.optionalInt("confirm_status") == 2 { return .closed }
        let status = try order.requiredInt("order_status")
        switch status {
        case 1: return .awaitingShipment
        case 2: return .shipped
        case 3: return .delivered
        default: throw order.malformed("order_status", "'\(status)' is not a known PDD order status")
        }
    }

    /// One `item_list` entry; PDD lines have no id of their own, so the SKU id stands for the line.
    static func line(from item: WireObject) throws(ChannelError) -> PlatformOrderLine {
        let outerID = item.text("outer_id")
        let title = item.text("goods_name")
        let spec = item.text("goods_spec")
        return PlatformOrderLine(
            lineID: try item.requiredText("sku_id"),
            itemID: item.text("goods_id"),
            skuID: item.text("sku_id"),
            outerID: outerID.isEmpty ? item.text("outer_goods_id") : outerID,
            title: spec.isEmpty ? title : "\(title) \(spec)",
            quantity: try item.requiredInt("goods_count"),
            unitPrice: try item.yuan("goods_price")
        )
    }

    /// The receiver as PDD gives it: ciphertext while the order is to ship, else empty, then the masked values.
    static func receiver(from order: WireObject) -> Receiver {
        func field(_ name: String) -> String {
            let value = order.text(name)
            return value.isEmpty ? order.text(name + "_mask") : value
        }
        let detail = order.text("receiver_address")
        return Receiver(
            name: field("receiver_name"),
            phone: field("receiver_phone"),
            province: order.text("province"),
            city: order.text("city"),
            district: order.text("town"),
            address: detail.isEmpty
                ? (order.text("address").isEmpty ? order.text("address_mask") : order.text("address")) : detail
        )
    }
}

/// Reads a 拼多多 after-sales record (`refund_list[]`) into a ``PlatformRefund``.
enum PDDRefundParser {
    static func refund(from refund: WireObject, amountsInFen: Bool) throws(ChannelError) -> PlatformRefund {
        let status = try refund.requiredInt("after_sales_status")
        let created = try refund.flexibleTime("created_time") ?? 0
        let skuID = refund.text("sku_id")
        return PlatformRefund(
            refundID: try refund.requiredText("id"),
            platformOrderID: try refund.requiredText("order_sn"),
            lineIDs: skuID.isEmpty ? [] : [skuID],
            kind: kind(try refund.int("after_sales_type")),
            status: try afterSaleStatus(status, refund: refund),
            amount: amountsInFen ? try refund.fen("refund_amount") : try refund.yuan("refund_amount"),
            createdAtMillis: created,
            modifiedAtMillis: try refund.flexibleTime("updated_time") ?? created,
            returnTrackingNumber: refund.text("tracking_number"),
            rawPayload: refund.value.serialized()
        )
    }

    /// `after_sales_type`: 2 refund only, 3 return and refund, 4 exchange, 5 resend, 6 repair.
    static func kind(_ type: Int64) -> AfterSaleKind {
        switch type {
        case 3, 6: .returnAndRefund
        case 4: .exchange
        case 5: .reship
        default: .refundOnly
        }
    }

    static func afterSaleStatus(_ status: Int64, refund: WireObject) throws(ChannelError) -> AfterSaleStatus {
        switch status {
        case 2, 3, 6, 8, 31, 32, 33: return .requested
        case 4, 5, 7: return .awaitingReturn
        case 14...18, 21...25, 27: return .returning
        case 10: return .succeeded
        case 9: return .refused
        case 0, 11, 12, 13: return .closed
        default: throw refund.malformed("after_sales_status", "'\(status)' is not a known PDD after-sales status")
        }
    }
}
