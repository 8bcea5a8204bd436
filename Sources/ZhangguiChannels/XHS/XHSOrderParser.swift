import ZhangguiCore
import ZhangguiServices

/// Reads a 小红书 `order.getOrderDetail` answer into a ``PlatformOrder``: fen amounts, millisecond times,
/// statuses per specs/platform-apis.md §8. The receiver's name, phone and street are not in the detail (they
/// need `order.getOrderReceiverInfo` right before shipping); the order keeps `openAddressId` for that.
enum XHSOrderParser {
    static let openAfterSales: Set<Int64> = [2, 6]

    static func order(from order: WireObject) throws(ChannelError) -> PlatformOrder {
        let status = try order.requiredInt("orderStatus")
        let afterSales = try order.int("orderAfterSalesStatus", default: 1)
        let lines = try order.objects("skuList").mapChannel(line(from:))
        let created = try order.flexibleTime("createdTime") ?? 0
        let modified = try order.flexibleTime("updateTime")
        return PlatformOrder(
            platformOrderID: try order.requiredText("orderId"),
            status: OrderStatusRules.overlay(
                base: try baseStatus(status, order: order),
                hasOpenRefund: status == 10 || openAfterSales.contains(afterSales)
                    || lines.contains { $0.hasOpenRefund },
                isFullyRefunded: afterSales == 3
            ),
            createdAtMillis: created,
            paidAtMillis: try order.flexibleTime("paidTime"),
            modifiedAtMillis: modified ?? created,
            receiver: Receiver(
                name: "",
                phone: "",
                province: order.text("receiverProvinceName"),
                city: order.text("receiverCityName"),
                district: order.text("receiverDistrictName"),
                address: ""
            ),
            receiverOpenID: order.text("openAddressId"),
            lines: lines,
            discount: try order.fen("totalMerchantDiscount"),
            freight: try order.fen("totalShippingFree"),
            paid: try order.fen("totalPayAmount"),
            buyerNote: order.text("customerRemark"),
            sellerMemo: order.text("sellerRemark"),
            rawPayload: order.value.serialized()
        )
    }

    /// 10 (换货申请中) is a delivered order with an exchange open; the overlay makes it refunding.
    static func baseStatus(_ status: Int64, order: WireObject) throws(ChannelError) -> PlatformOrderStatus {
        switch status {
        case 1: return .pendingPayment
        case 2, 3, 4, 5: return .awaitingShipment
        case 6: return .shipped
        case 7, 10: return .delivered
        case 8, 9: return .closed
        default: throw order.malformed("orderStatus", "'\(status)' is not a known XHS order status")
        }
    }

    /// One `skuList` entry. The unit price is the first `skuDetailList` entry's `pricePerSku`, else what was paid
    /// plus the merchant's discount, per unit.
    static func line(from sku: WireObject) throws(ChannelError) -> PlatformOrderLine {
        let quantity = try sku.requiredInt("skuQuantity")
        let discount = try sku.fen("totalMerchantDiscount")
        let details = try sku.objects("skuDetailList")
        var unitPrice = Money(fen: 0)
        if let first = details.first, first.value["pricePerSku"] != nil {
            unitPrice = try first.fen("pricePerSku")
        } else if quantity > 0 {
            unitPrice = Money(fen: (try sku.fen("totalPaidAmount") + discount).fen / quantity)
        }
        let erpCode = sku.text("erpcode")
        return PlatformOrderLine(
            lineID: try sku.requiredText("skuId"),
            itemID: sku.text("itemId"),
            skuID: sku.text("skuId"),
            outerID: erpCode.isEmpty ? (details.first?.text("erpCode") ?? "") : erpCode,
            title: sku.text("skuName"),
            quantity: quantity,
            unitPrice: unitPrice,
            discount: discount,
            hasOpenRefund: openAfterSales.contains(try sku.int("skuAfterSaleStatus", default: 1))
        )
    }
}

/// Reads a 小红书 after-sale (`afterSale.listAfterSaleInfos`) into a ``PlatformRefund``. The list's field names
/// are not in the spec (unconfirmed); amounts are read in yuan as the spec says of the detail.
enum XHSRefundParser {
    static func refund(from item: WireObject) throws(ChannelError) -> PlatformRefund {
        let created = try item.flexibleTime("createdTime") ?? 0
        let updated = try item.flexibleTime("updatedTime")
        let fallback = try item.flexibleTime("updateTime")
        let modified = updated ?? fallback
        return PlatformRefund(
            refundID: try item.requiredText("returnsId"),
            platformOrderID: try item.requiredText("orderId"),
            kind: kind(try item.int("returnType")),
            status: try status(try item.requiredInt("status"), item: item),
            amount: try item.yuan("refundFee"),
            reason: item.text("reasonNameZh"),
            createdAtMillis: created,
            modifiedAtMillis: modified ?? created,
            returnTrackingNumber: item.text("returnExpressNo"),
            rawPayload: item.value.serialized()
        )
    }

    /// `returnTypes`: 1 退货, 2 换货, 4 shipped refund-only, 5 unshipped refund-only, 6 price protection.
    static func kind(_ type: Int64) -> AfterSaleKind {
        switch type {
        case 1: .returnAndRefund
        case 2: .exchange
        default: .refundOnly
        }
    }

    static func status(_ status: Int64, item: WireObject) throws(ChannelError) -> AfterSaleStatus {
        switch status {
        case 1, 14: return .requested
        case 2: return .awaitingReturn
        case 3, 12, 13: return .returning
        case 4: return .succeeded
        case 5, 6: return .closed
        case 9, 9001: return .refused
        default: throw item.malformed("status", "'\(status)' is not a known XHS after-sale status")
        }
    }
}
