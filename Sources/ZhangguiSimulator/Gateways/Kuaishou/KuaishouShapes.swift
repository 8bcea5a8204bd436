import ZhangguiChannels
import ZhangguiCore

/// Orders and refunds in 快手's shape (MerchantOrderInfoView): fen integers, millisecond times, receiver as
/// ciphertext plus desensitised values.
enum KuaishouShapes {
    /// 10 待付款, 30 待发货, 40 已发货, 70 交易成功, 80 交易关闭 (codes unconfirmed).
    static func status(_ order: SimOrder) -> Int64 {
        switch order.phase {
        case .pendingPayment: 10
        case .paid: 30
        case .shipped: 40
        case .delivered: 70
        case .closed: 80
        }
    }

    /// Refund statuses (unconfirmed): 10 待商家处理, 20 商家拒绝, 30 待买家退货, 40 待商家收货, 60 退款成功, 70 关闭.
    static func refundStatus(_ status: AfterSaleStatus) -> Int64 {
        switch status {
        case .requested: 10
        case .refused: 20
        case .awaitingReturn: 30
        case .returning: 40
        case .succeeded: 60
        case .closed: 70
        }
    }

    static func order(_ order: SimOrder, afterSales: [SimAfterSale]) -> JSONValue {
        let receiver = order.receiver
        func sealed(_ value: String, _ field: String) -> JSONValue {
            .string(ReceiverPrivacy.ciphertext(value, orderID: order.orderID, field: field, marker: ""))
        }
        let refund = afterSales.last
        return .object([
            "oid": .identifier(order.orderID), "status": .int(status(order)), "createTime": .int(order.createdMillis),
            "payTime": .int(order.paidMillis ?? 0), "updateTime": .int(order.modifiedMillis),
            "sendTime": .int(order.shippedMillis ?? 0),
            "refundTime": .int(afterSales.first { $0.status == .succeeded }?.modifiedMillis ?? 0),
            "totalFee": .int(order.paymentFen), "expressFee": .int(order.freightFen),
            "discountFee": .int(order.discountFen + order.lines.reduce(0) { $0 + $1.discountFen }),
            "num": .int(order.lines.reduce(0) { $0 + $1.quantity }), "remark": .string(order.buyerNote),
            "sellerNoteList": .array(order.sellerMemo.isEmpty ? [] : [.string(order.sellerMemo)]),
            "buyerId": .int(0), "buyerNick": .string(ReceiverPrivacy.maskedName(receiver.name)),
            "refund": .int(refund?.status.isOpen == true ? 1 : 0),
            "logisticsInfo": .object([
                "expressNo": .string(order.shipment?.trackingNumber ?? ""),
                "expressCode": .int(Int64(order.shipment?.courierCode ?? "") ?? 0),
            ]),
            "addressInfo": .object([
                "encryptedConsignee": sealed(receiver.name, "name"), "encryptedMobile": sealed(receiver.phone, "phone"),
                "encryptedAddress": sealed(receiver.detail, "detail"),
                "desensitiseConsignee": .string(ReceiverPrivacy.maskedName(receiver.name)),
                "desensitiseMobile": .string(ReceiverPrivacy.maskedPhone(receiver.phone)),
                "desensitiseAddress": .string(ReceiverPrivacy.maskedDetail(receiver.detail)),
                "province": .string(receiver.province), "city": .string(receiver.city),
                "district": .string(receiver.district),
            ]),
            "orderProductInfoList": .array(order.lines.map { line($0, order: order, refund: refund) }),
        ])
    }

    private static func line(_ line: SimOrderLine, order: SimOrder, refund: SimAfterSale?) -> JSONValue {
        let concerning = refund.flatMap { $0.lineIDs.isEmpty || $0.lineIDs.contains(line.lineID) ? $0 : nil }
        return .object([
            "oid": .identifier(order.orderID), "itemId": .identifier(line.itemID), "relItemId": .string(line.itemID),
            "skuId": .identifier(line.skuID), "relSkuId": .string(line.outerID), "skuNick": .string(line.outerID),
            "skuDesc": .string(""), "itemTitle": .string(line.title), "num": .int(line.quantity),
            "price": .int(line.unitPriceFen), "originalPrice": .int(line.unitPriceFen),
            "discountFee": .int(line.discountFen), "refundId": .identifier(concerning?.refundID ?? "0"),
            "refundStatus": .int(concerning.map { refundStatus($0.status) } ?? 0),
        ])
    }

    static func refund(_ afterSale: SimAfterSale) -> JSONValue {
        let type: Int64 =
            switch afterSale.kind {
            case .refundOnly: 1
            case .returnAndRefund: 2
            case .exchange: 3
            case .reship: 4
            }
        return .object([
            "refundId": .identifier(afterSale.refundID), "oid": .identifier(afterSale.orderID),
            "status": .int(refundStatus(afterSale.status)), "refundType": .int(type),
            "refundFee": .int(afterSale.amountFen), "createTime": .int(afterSale.createdMillis),
            "updateTime": .int(afterSale.modifiedMillis), "refundReasonDesc": .string(afterSale.reason),
            "expressNo": .string(afterSale.returnTrackingNumber),
        ])
    }
}
