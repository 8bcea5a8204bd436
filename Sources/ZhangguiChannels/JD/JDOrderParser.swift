import ZhangguiCore
import ZhangguiServices

/// Reads a JOS `orderInfo` (`enSearch` list entry or `enGet` detail) into a ``PlatformOrder``: yuan strings to
/// fen, GMT+8 texts to UTC milliseconds, statuses per specs/platform-apis.md §8.
enum JDOrderParser {
    static func order(from order: WireObject) throws(ChannelError) -> PlatformOrder {
        let state = try order.requiredText("orderState")
        let created = try order.requiredGMT8Time("orderStartTime")
        let paid = try order.gmt8Time("paymentConfirmTime")
        let modified = try order.gmt8Time("modified")
        return PlatformOrder(
            platformOrderID: try order.requiredText("orderId"),
            status: try status(state, isPaid: paid != nil, order: order),
            isHeldByPlatform: state == "LOCKED" || state == "PAUSE",
            createdAtMillis: created,
            paidAtMillis: paid,
            modifiedAtMillis: modified ?? created,
            receiver: receiver(from: order.object("consigneeInfo")),
            lines: try order.objects("itemInfoList").mapChannel(line(from:)),
            discount: try order.yuan("sellerDiscount"),
            freight: try order.yuan("freightPrice"),
            paid: try order.yuan("orderPayment"),
            buyerNote: order.text("orderRemark"),
            sellerMemo: order.text("venderRemark"),
            rawPayload: order.value.serialized()
        )
    }

    /// A cancelled order that had been paid was refunded (spec §8 sub-rule); one never paid is closed.
    static func status(_ state: String, isPaid: Bool, order: WireObject) throws(ChannelError) -> PlatformOrderStatus {
        switch state {
        case "WAIT_SELLER_STOCK_OUT", "WAIT_SELLER_DELIVERY", "LOCKED", "PAUSE": return .awaitingShipment
        case "WAIT_GOODS_RECEIVE_CONFIRM", "SEND_TO_DISTRIBUTION_CENER", "DISTRIBUTION_CENTER_RECEIVED": return .shipped
        case "FINISHED_L", "RECEIPTS_CONFIRM": return .delivered
        case "TRADE_CANCELED", "PARENT_TRADE_CANCELED": return isPaid ? .refunded : .closed
        default: throw order.malformed("orderState", "'\(state)' is not a known JD order state")
        }
    }

    static func line(from item: WireObject) throws(ChannelError) -> PlatformOrderLine {
        PlatformOrderLine(
            lineID: try item.requiredText("skuId"),
            itemID: item.text("wareId"),
            skuID: item.text("skuId"),
            outerID: item.text("outerSkuId"),
            title: item.text("skuName"),
            quantity: try item.requiredInt("itemTotal"),
            unitPrice: try item.yuan("jdPrice")
        )
    }

    /// The consignee as JOS gives it in the `en*` APIs (encrypted or masked).
    static func receiver(from consignee: WireObject?) -> Receiver {
        guard let consignee else {
            return Receiver(name: "", phone: "", province: "", city: "", district: "", address: "")
        }
        let mobile = consignee.text("mobile")
        return Receiver(
            name: consignee.text("fullname"),
            phone: mobile.isEmpty ? consignee.text("telephone") : mobile,
            province: consignee.text("province"),
            city: consignee.text("city"),
            district: consignee.text("county"),
            address: consignee.text("fullAddress")
        )
    }
}
