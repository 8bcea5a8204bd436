import ZhangguiCore
import ZhangguiServices

/// Reads a 快手 order (`MerchantOrderInfoView`) into a ``PlatformOrder``: fen amounts, millisecond times, the
/// configurable status map, the order's refund flag as the overlay. Receiver data is ciphertext whose field names
/// the spec does not give; it stays in the raw payload.
enum KuaishouOrderParser {
    static func order(from order: WireObject, settings: KuaishouSettings) throws(ChannelError) -> PlatformOrder {
        let status = try order.requiredInt("status")
        guard let base = settings.statusMap[status] else {
            throw order.malformed("status", "'\(status)' is not in the configured 快手 status map")
        }
        let hasRefund = try order.int("refund") == 1
        let refundTime = try order.millisTime("refundTime")
        let created = try order.requiredMillisTime("createTime")
        let modified = try order.millisTime("updateTime")
        let lines = try order.objects("orderProductInfoList").mapChannel { (product: WireObject) throws(ChannelError) in
            try line(from: product, outerIDField: settings.outerIDField)
        }
        return PlatformOrder(
            platformOrderID: try order.requiredText("oid"),
            status: OrderStatusRules.overlay(
                base: base,
                hasOpenRefund: hasRefund,
                isFullyRefunded: base == .closed && (hasRefund || refundTime != nil)
            ),
            createdAtMillis: created,
            paidAtMillis: try order.millisTime("payTime"),
            modifiedAtMillis: modified ?? created,
            receiver: Receiver(name: "", phone: "", province: "", city: "", district: "", address: ""),
            lines: lines,
            discount: try order.fen("discountFee"),
            freight: try order.fen("expressFee"),
            paid: try order.fen("totalFee"),
            buyerNote: order.text("remark"),
            sellerMemo: (order.value["sellerNoteList"]?.array ?? []).compactMap(\.text).joined(separator: "; "),
            rawPayload: order.value.serialized()
        )
    }

    static func line(from product: WireObject, outerIDField: String) throws(ChannelError) -> PlatformOrderLine {
        let outerID = product.text(outerIDField)
        let refundID = product.text("refundId")
        return PlatformOrderLine(
            lineID: try product.requiredText("skuId"),
            itemID: product.text("itemId"),
            skuID: product.text("skuId"),
            outerID: outerID.isEmpty ? product.text("relSkuId") : outerID,
            title: product.text("itemTitle"),
            quantity: try product.requiredInt("num"),
            unitPrice: try product.fen("price"),
            discount: try product.fen("discountFee"),
            hasOpenRefund: !refundID.isEmpty && refundID != "0"
        )
    }
}
