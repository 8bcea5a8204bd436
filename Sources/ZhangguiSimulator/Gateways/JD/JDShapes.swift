import ZhangguiChannels
import ZhangguiCore

/// Orders and refund applications in JOS's shape: yuan strings, GMT+8 texts, masked consignee.
enum JDShapes {
    static let apiResult: JSONValue = .object([
        "success": .bool(true), "chineseErr": .string(""), "englishErr": .string(""), "numberCode": .int(10_100_000),
    ])

    static func state(_ order: SimOrder) -> String {
        switch order.phase {
        case .pendingPayment: "WAIT_SELLER_STOCK_OUT"
        case .paid: order.isHeld ? "LOCKED" : "WAIT_SELLER_STOCK_OUT"
        case .shipped: "WAIT_GOODS_RECEIVE_CONFIRM"
        case .delivered: "FINISHED_L"
        case .closed: "TRADE_CANCELED"
        }
    }

    static func stateRemark(_ state: String) -> String {
        switch state {
        case "WAIT_SELLER_STOCK_OUT": "等待出库"
        case "LOCKED": "已锁定"
        case "WAIT_GOODS_RECEIVE_CONFIRM": "等待确认收货"
        case "FINISHED_L": "完成"
        default: "取消"
        }
    }

    static func order(_ order: SimOrder, afterSales: [SimAfterSale]) -> JSONValue {
        let receiver = order.receiver
        let state = state(order)
        let masked = ReceiverPrivacy.maskedPhone(receiver.phone)
        var info: [String: JSONValue] = [
            "orderId": .string(order.orderID), "venderId": .string(order.shopID), "orderType": .string("22"),
            "orderState": .string(state), "orderStateRemark": .string(stateRemark(state)),
            "payType": .string("4-在线支付"), "orderTotalPrice": .yuanString(fen: order.goodsFen),
            "orderSellerPrice": .yuanString(fen: order.goodsFen - order.discountFen),
            "orderPayment": .yuanString(fen: order.paymentFen), "freightPrice": .yuanString(fen: order.freightFen),
            "sellerDiscount": .yuanString(fen: order.discountFen), "balanceUsed": .string("0.00"),
            "orderRemark": .string(order.buyerNote), "venderRemark": .string(order.sellerMemo),
            "orderStartTime": time(order.createdMillis), "modified": time(order.modifiedMillis),
            "pin": .string(ReceiverPrivacy.maskedName(receiver.name)),
            "open_id_buyer": .string(ReceiverPrivacy.openID(receiver, orderID: "buyer")),
            "waybill": .string(order.shipment?.trackingNumber ?? ""),
            "logisticsId": .string(order.shipment?.courierCode ?? ""),
            "consigneeInfo": .object([
                "fullname": .string(ReceiverPrivacy.maskedName(receiver.name)), "mobile": .string(masked),
                "telephone": .string(masked), "province": .string(receiver.province), "provinceId": .string("0"),
                "city": .string(receiver.city), "cityId": .string("0"), "county": .string(receiver.district),
                "countyId": .string("0"), "town": .string(""), "townId": .string("0"),
                "fullAddress": .string(
                    receiver.province + receiver.city + receiver.district
                        + ReceiverPrivacy.maskedDetail(receiver.detail)
                ),
            ]),
            "itemInfoList": .array(order.lines.map(item)),
            "couponDetailList": .array([]),
        ]
        if let paid = order.paidMillis { info["paymentConfirmTime"] = time(paid) }
        if let finished = order.finishedMillis { info["orderEndTime"] = time(finished) }
        return .object(info)
    }

    private static func item(_ line: SimOrderLine) -> JSONValue {
        .object([
            "skuId": .string(line.skuID), "outerSkuId": .string(line.outerID), "wareId": .string(line.itemID),
            "skuName": .string(line.title), "itemTotal": .string(String(line.quantity)),
            "jdPrice": .yuanString(fen: line.unitPriceFen), "productNo": .string(line.outerID),
            "giftPoint": .string("0"),
        ])
    }

    /// Refund application status (unconfirmed codes): 0 未审核, 1 审核通过, 2 审核不通过, 3 已退款, 4 已取消.
    static func refundApplication(_ afterSale: SimAfterSale) -> JSONValue {
        let status: Int =
            switch afterSale.status {
            case .requested: 0
            case .awaitingReturn, .returning: 1
            case .refused: 2
            case .succeeded: 3
            case .closed: 4
            }
        return .object([
            "id": .string(afterSale.refundID), "orderId": .string(afterSale.orderID), "status": .int(status),
            "applyTime": time(afterSale.createdMillis), "checkTime": time(afterSale.modifiedMillis),
            "applyRefundSum": .int(afterSale.amountFen), "reason": .string(afterSale.reason),
            "buyerId": .string("***"), "buyerName": .string("***"),
        ])
    }

    static func time(_ millis: Int64) -> JSONValue { .string(PlatformTimestamp.gmt8Text(millis: millis)) }
}
