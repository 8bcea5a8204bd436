import ZhangguiCore
import ZhangguiServices

/// Reads a 抖店 shop order (`shop_order_list[]`, `shop_order_detail`) into a ``PlatformOrder``: amounts in fen,
/// Unix seconds to milliseconds, statuses per specs/platform-apis.md §8.
enum DoudianOrderParser {
    /// `standard_aftersale_status` / `after_sale_status` values of a request still open.
    static let openAfterSale: Set<Int64> = [6, 7, 8, 11, 27]

    static func order(from order: WireObject) throws(ChannelError) -> PlatformOrder {
        let base = try baseStatus(try order.requiredInt("order_status"), order: order)
        let skuOrders = try order.objects("sku_order_list")
        let lines = try skuOrders.mapChannel(line(from:))
        let refundStates = try skuOrders.mapChannel { (sku: WireObject) throws(ChannelError) in try refundState(of: sku)
        }
        let created = try order.requiredSecondsTime("create_time")
        let modified = try order.secondsTime("update_time")
        return PlatformOrder(
            platformOrderID: try order.requiredText("order_id"),
            status: OrderStatusRules.overlay(
                base: base,
                hasOpenRefund: refundStates.contains(.open),
                isFullyRefunded: !refundStates.isEmpty && refundStates.allSatisfy { $0 == .refunded }
            ),
            createdAtMillis: created,
            paidAtMillis: try order.secondsTime("pay_time"),
            modifiedAtMillis: modified ?? created,
            receiver: receiver(from: order),
            lines: lines,
            discount: try order.fen("promotion_amount"),
            freight: try order.fen("post_amount"),
            paid: try order.fen("pay_amount"),
            buyerNote: order.text("buyer_words"),
            sellerMemo: order.text("seller_words"),
            rawPayload: order.value.serialized()
        )
    }

    static func baseStatus(_ status: Int64, order: WireObject) throws(ChannelError) -> PlatformOrderStatus {
        switch status {
        case 1: return .pendingPayment
        case 105, 2, 101: return .awaitingShipment
        case 3: return .shipped
        case 5: return .delivered
        case 4: return .closed
        default: throw order.malformed("order_status", "'\(status)' is not a known 抖店 order status")
        }
    }

    enum RefundState { case none, open, refunded }

    /// A SKU order's after-sale: `after_sale_info.refund_status` 1 pending, 3 refunded; or its after-sale status.
    static func refundState(of sku: WireObject) throws(ChannelError) -> RefundState {
        guard let info = sku.object("after_sale_info") else { return .none }
        let refundStatus = try info.int("refund_status")
        let afterSaleStatus = try info.int("after_sale_status")
        if refundStatus == 3 || afterSaleStatus == 12 { return .refunded }
        if refundStatus == 1 || openAfterSale.contains(afterSaleStatus) { return .open }
        return .none
    }

    static func line(from sku: WireObject) throws(ChannelError) -> PlatformOrderLine {
        let code = sku.text("code")
        return PlatformOrderLine(
            lineID: try sku.requiredText("order_id"),
            itemID: sku.text("product_id"),
            skuID: sku.text("sku_id"),
            outerID: code.isEmpty ? sku.text("out_sku_id") : code,
            title: sku.text("product_name"),
            quantity: try sku.requiredInt("item_num"),
            unitPrice: try sku.fen("origin_amount"),
            discount: try sku.fen("promotion_amount"),
            hasOpenRefund: try refundState(of: sku) == .open
        )
    }

    /// The receiver as 抖店 gives it: plaintext when present, else the ciphertext (for the e-waybill), else the
    /// masked value.
    static func receiver(from order: WireObject) -> Receiver {
        func pick(_ names: String...) -> String {
            names.lazy.map { order.text($0) }.first { !$0.isEmpty } ?? ""
        }
        let address = order.object("post_addr")
        let masked = order.object("mask_post_addr")
        let detail = address?.text("detail") ?? ""
        let street = address?.object("street")?.text("name") ?? ""
        let encrypted = address?.text("encrypt_detail") ?? ""
        return Receiver(
            name: pick("post_receiver", "encrypt_post_receiver", "mask_post_receiver"),
            phone: pick("post_tel", "encrypt_post_tel", "mask_post_tel"),
            province: address?.object("province")?.text("name") ?? "",
            city: address?.object("city")?.text("name") ?? "",
            district: address?.object("town")?.text("name") ?? "",
            address: !detail.isEmpty ? street + detail : (!encrypted.isEmpty ? encrypted : masked?.text("detail") ?? "")
        )
    }
}

/// Reads a 抖店 after-sale (`afterSale.List` `items[]`, each `aftersale_info` + `order_info`) into a
/// ``PlatformRefund``. The list's answer fields are not in the spec (unconfirmed): flat items are read too.
enum DoudianRefundParser {
    static func refund(from item: WireObject) throws(ChannelError) -> PlatformRefund {
        let info = item.object("aftersale_info") ?? item
        let orderInfo = item.object("order_info") ?? info
        let created = try info.requiredSecondsTime("create_time")
        let skuOrder = info.text("sku_order_id")
        return PlatformRefund(
            refundID: try info.requiredText("aftersale_id"),
            platformOrderID: orderInfo.text("shop_order_id").isEmpty
                ? try info.requiredText("order_id") : orderInfo.text("shop_order_id"),
            lineIDs: skuOrder.isEmpty ? [] : [skuOrder],
            kind: kind(try info.int("aftersale_type")),
            status: try status(try info.requiredInt("aftersale_status"), info: info),
            amount: try info.fen("refund_amount"),
            reason: info.text("reason"),
            createdAtMillis: created,
            modifiedAtMillis: try info.secondsTime("update_time") ?? created,
            returnTrackingNumber: info.text("return_logistics_code"),
            rawPayload: item.value.serialized()
        )
    }

    /// 0 return and refund, 1/2 refund only, 3 exchange, 6 price protection, 7 resend, 8 repair.
    static func kind(_ type: Int64) -> AfterSaleKind {
        switch type {
        case 0, 8: .returnAndRefund
        case 3: .exchange
        case 7: .reship
        default: .refundOnly
        }
    }

    static func status(_ status: Int64, info: WireObject) throws(ChannelError) -> AfterSaleStatus {
        switch status {
        case 6, 11, 27: return .requested
        case 7: return .awaitingReturn
        case 8, 13: return .returning
        case 12, 14: return .succeeded
        case 29: return .refused
        case 28: return .closed
        default: throw info.malformed("aftersale_status", "'\(status)' is not a known 抖店 after-sale status")
        }
    }
}
