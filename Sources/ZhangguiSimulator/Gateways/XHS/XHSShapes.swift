import ZhangguiChannels
import ZhangguiCore

/// Orders, after-sales and tokens in 小红书's shape: fen integers, millisecond times, plain province/city/district
/// with an `openAddressId`, and the receiver only as `#…#` ciphertext from `order.getOrderReceiverInfo`.
enum XHSShapes {
    static func orderStatus(_ order: SimOrder) -> Int64 {
        switch order.phase {
        case .pendingPayment: 1
        case .paid: 4
        case .shipped: 6
        case .delivered: 7
        case .closed: order.isPaid ? 8 : 9
        }
    }

    /// 1 none, 2 processing, 3 done, 4 rejected, 5 closed.
    static func orderAfterSalesStatus(_ afterSales: [SimAfterSale]) -> Int64 {
        guard let last = afterSales.last else { return 1 }
        switch last.status {
        case .requested, .awaitingReturn, .returning: return 2
        case .succeeded: return 3
        case .refused: return 4
        case .closed: return 5
        }
    }

    /// 1 待审核, 2 待用户寄回, 3 待商家收货, 4 已完成, 6 已关闭, 9 商家审核拒绝.
    static func afterSaleStatus(_ status: AfterSaleStatus) -> Int64 {
        switch status {
        case .requested: 1
        case .awaitingReturn: 2
        case .returning: 3
        case .succeeded: 4
        case .closed: 6
        case .refused: 9
        }
    }

    static func summary(_ order: SimOrder, afterSales: [SimAfterSale]) -> JSONValue {
        .object(
            times(order).merging([
                "orderId": .string(order.orderID), "orderType": .int(1), "orderStatus": .int(orderStatus(order)),
                "orderAfterSalesStatus": .int(orderAfterSalesStatus(afterSales)),
                "cancelStatus": .int(order.phase == .closed ? 1 : 0),
            ]) { first, _ in first }
        )
    }

    static func detail(_ order: SimOrder, afterSales: [SimAfterSale]) -> JSONValue {
        let receiver = order.receiver
        let lineDiscounts = order.lines.reduce(0) { $0 + $1.discountFen }
        let members: [String: JSONValue] = [
            "orderId": .string(order.orderID), "orderType": .int(1), "orderStatus": .int(orderStatus(order)),
            "orderAfterSalesStatus": .int(orderAfterSalesStatus(afterSales)),
            "cancelStatus": .int(order.phase == .closed ? 1 : 0), "customerRemark": .string(order.buyerNote),
            "sellerRemark": .string(order.sellerMemo), "sellerRemarkFlag": .int(0),
            "receiverProvinceId": .string("0"), "receiverProvinceName": .string(receiver.province),
            "receiverCityId": .string("0"), "receiverCityName": .string(receiver.city),
            "receiverDistrictId": .string("0"), "receiverDistrictName": .string(receiver.district),
            "openAddressId": .string(ReceiverPrivacy.openID(receiver, orderID: order.orderID)),
            "totalPayAmount": .int(order.paymentFen), "totalShippingFree": .int(order.freightFen),
            "totalMerchantDiscount": .int(order.discountFen + lineDiscounts), "totalRedDiscount": .int(0),
            "merchantActualReceiveAmount": .int(order.paymentFen),
            "expressTrackingNo": .string(order.shipment?.trackingNumber ?? ""),
            "expressCompanyCode": .string(order.shipment?.courierCode ?? ""),
            "skuList": .array(order.lines.map { line($0, afterSales: afterSales) }),
        ]
        return .object(members.merging(times(order)) { first, _ in first })
    }

    private static func times(_ order: SimOrder) -> [String: JSONValue] {
        [
            "createdTime": .int(order.createdMillis), "paidTime": .int(order.paidMillis ?? 0),
            "updateTime": .int(order.modifiedMillis), "deliveryTime": .int(order.shippedMillis ?? 0),
            "cancelTime": .int(order.phase == .closed ? order.finishedMillis ?? 0 : 0),
            "finishTime": .int(order.phase == .delivered ? order.finishedMillis ?? 0 : 0),
            "promiseLastDeliveryTime": .int(order.paidMillis.map { $0 + 48 * 3_600_000 } ?? 0),
        ]
    }

    private static func line(_ line: SimOrderLine, afterSales: [SimAfterSale]) -> JSONValue {
        let concerning = afterSales.filter { $0.lineIDs.isEmpty || $0.lineIDs.contains(line.lineID) }
        return .object([
            "skuId": .string(line.skuID), "skuName": .string(line.title), "erpcode": .string(line.outerID),
            "skuSpec": .string(""), "skuQuantity": .int(line.quantity), "totalPaidAmount": .int(line.paidFen),
            "totalMerchantDiscount": .int(line.discountFen),
            "skuAfterSaleStatus": .int(orderAfterSalesStatus(concerning)),
            "skuDetailList": .array([
                .object([
                    "skuId": .string(line.skuID), "erpCode": .string(line.outerID), "quantity": .int(line.quantity),
                    "pricePerSku": .int(line.unitPriceFen), "skuName": .string(line.title),
                ])
            ]),
        ])
    }

    static func receiver(_ order: SimOrder, openAddressID: String) -> JSONValue {
        let receiver = order.receiver
        func sealed(_ value: String, _ field: String) -> JSONValue {
            .string(ReceiverPrivacy.ciphertext(value, orderID: order.orderID, field: field, marker: "#"))
        }
        return .object([
            "orderId": .string(order.orderID),
            "matched": .bool(openAddressID == ReceiverPrivacy.openID(receiver, orderID: order.orderID)),
            "receiverProvinceName": .string(receiver.province), "receiverCityName": .string(receiver.city),
            "receiverDistrictName": .string(receiver.district), "receiverTownName": .string(""),
            "receiverName": sealed(receiver.name, "name"), "receiverPhone": sealed(receiver.phone, "phone"),
            "receiverAddress": sealed(receiver.detail, "detail"),
        ])
    }

    static func afterSale(_ afterSale: SimAfterSale, order: SimOrder) -> JSONValue {
        let returnType: Int64 =
            switch afterSale.kind {
            case .returnAndRefund: 1
            case .exchange, .reship: 2
            case .refundOnly: order.shippedMillis == nil ? 5 : 4
            }
        return .object([
            "returnsId": .string(afterSale.refundID), "orderId": .string(order.orderID), "returnType": .int(returnType),
            "status": .int(afterSaleStatus(afterSale.status)), "refundFee": .yuanNumber(fen: afterSale.amountFen),
            "reason": .string(afterSale.reason), "createdTime": .int(afterSale.createdMillis),
            "updatedTime": .int(afterSale.modifiedMillis), "returnExpressNo": .string(afterSale.returnTrackingNumber),
        ])
    }

    static func token(_ grant: SimGrant) -> JSONValue {
        .object([
            "accessToken": .string(grant.accessToken), "accessTokenExpiresAt": .int(grant.accessExpiresMillis),
            "refreshToken": .string(grant.refreshToken), "refreshTokenExpiresAt": .int(grant.refreshExpiresMillis),
            "sellerId": .string(grant.shopID), "sellerName": .string(grant.shopID),
        ])
    }
}
