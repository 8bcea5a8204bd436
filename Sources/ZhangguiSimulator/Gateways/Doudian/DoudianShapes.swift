import ZhangguiChannels
import ZhangguiCore

/// Shop orders, after-sales and tokens in 抖店's shape: fen integers, Unix seconds, empty plaintext receiver
/// fields beside `encrypt_*` ciphertext (`#…#`) and `mask_*` values.
enum DoudianShapes {
    static func status(_ order: SimOrder) -> (Int64, String) {
        switch order.phase {
        case .pendingPayment: (1, "待确认/待支付")
        case .paid: (2, "备货中")
        case .shipped: (3, "已发货")
        case .closed: (4, "已取消")
        case .delivered: (5, "已完成")
        }
    }

    static func standardStatus(_ status: AfterSaleStatus) -> Int64 {
        switch status {
        case .requested: 6
        case .awaitingReturn: 7
        case .returning: 11
        case .succeeded: 12
        case .refused: 27
        case .closed: 28
        }
    }

    static func afterSaleType(_ afterSale: SimAfterSale, order: SimOrder) -> Int64 {
        switch afterSale.kind {
        case .returnAndRefund: 0
        case .refundOnly: order.shippedMillis == nil ? 2 : 1
        case .exchange: 3
        case .reship: 7
        }
    }

    /// 0 none, 1 待退款, 3 成功, 4 失败.
    static func refundStatus(_ afterSale: SimAfterSale?) -> Int64 {
        guard let afterSale else { return 0 }
        switch afterSale.status {
        case .succeeded: return 3
        case .refused, .closed: return 4
        default: return 1
        }
    }

    static func order(_ order: SimOrder, afterSales: [SimAfterSale]) -> JSONValue {
        let (code, text) = status(order)
        let receiver = order.receiver
        func sealed(_ value: String, _ field: String) -> JSONValue {
            .string(ReceiverPrivacy.ciphertext(value, orderID: order.orderID, field: field, marker: "#"))
        }
        var shopOrder: [String: JSONValue] = [
            "order_id": .string(order.orderID), "order_status": .int(code), "order_status_desc": .string(text),
            "main_status": .int(code), "main_status_desc": .string(text), "create_time": seconds(order.createdMillis),
            "pay_time": seconds(order.paidMillis), "update_time": seconds(order.modifiedMillis),
            "finish_time": seconds(order.finishedMillis), "ship_time": seconds(order.shippedMillis),
            "exp_ship_time": seconds(order.paidMillis.map { $0 + 48 * 3_600_000 }),
            "order_amount": .int(order.goodsFen + order.freightFen), "pay_amount": .int(order.paymentFen),
            "post_amount": .int(order.freightFen),
            "promotion_amount": .int(order.discountFen + order.lines.reduce(0) { $0 + $1.discountFen }),
            "promotion_shop_amount": .int(order.discountFen + order.lines.reduce(0) { $0 + $1.discountFen }),
            "promotion_platform_amount": .int(0), "modify_amount": .int(0), "tax_amount": .int(0),
            "buyer_words": .string(order.buyerNote), "seller_words": .string(order.sellerMemo),
            "seller_remark_stars": .int(0), "post_receiver": .string(""),
            "encrypt_post_receiver": sealed(receiver.name, "name"),
            "mask_post_receiver": .string(ReceiverPrivacy.maskedName(receiver.name)), "post_tel": .string(""),
            "encrypt_post_tel": sealed(receiver.phone, "phone"),
            "mask_post_tel": .string(ReceiverPrivacy.maskedPhone(receiver.phone)),
            "post_addr": address(receiver, detail: "", encrypted: sealed(receiver.detail, "detail")),
            "mask_post_addr": address(receiver, detail: ReceiverPrivacy.maskedDetail(receiver.detail), encrypted: nil),
            "sku_order_list": .array(order.lines.map { line(order, $0, afterSales: afterSales) }),
            "logistics_info": .array(logistics(order)),
        ]
        if order.isHeld { shopOrder["order_status_desc"] = .string(text + "(平台暂停发货)") }
        return .object(shopOrder)
    }

    private static func address(_ receiver: SimReceiver, detail: String, encrypted: JSONValue?) -> JSONValue {
        var members: [String: JSONValue] = [
            "province": .object(["id": .string("0"), "name": .string(receiver.province)]),
            "city": .object(["id": .string("0"), "name": .string(receiver.city)]),
            "town": .object(["id": .string("0"), "name": .string(receiver.district)]),
            "street": .object(["id": .string("0"), "name": .string("")]),
            "detail": .string(detail),
        ]
        if let encrypted { members["encrypt_detail"] = encrypted }
        return .object(members)
    }

    private static func line(_ order: SimOrder, _ line: SimOrderLine, afterSales: [SimAfterSale]) -> JSONValue {
        let concerning = afterSales.last { $0.lineIDs.isEmpty || $0.lineIDs.contains(line.lineID) }
        let (code, text) = status(order)
        return .object([
            "order_id": .string(line.lineID), "parent_order_id": .string(order.orderID),
            "product_id": .string(line.itemID), "product_name": .string(line.title), "sku_id": .identifier(line.skuID),
            "out_sku_id": .string(line.outerID), "code": .string(line.outerID), "item_num": .int(line.quantity),
            "origin_amount": .int(line.unitPriceFen), "sum_amount": .int(line.amountFen),
            "pay_amount": .int(line.paidFen),
            "promotion_amount": .int(line.discountFen), "order_status": .int(code), "order_status_desc": .string(text),
            "after_sale_info": .object([
                "after_sale_status": .int(concerning.map { standardStatus($0.status) } ?? 0),
                "after_sale_type": .int(concerning.map { afterSaleType($0, order: order) } ?? 0),
                "refund_status": .int(refundStatus(concerning)),
            ]),
            "bundle_sku_info": .array([]),
        ])
    }

    private static func logistics(_ order: SimOrder) -> [JSONValue] {
        guard let shipment = order.shipment else { return [] }
        return [
            .object([
                "tracking_no": .string(shipment.trackingNumber), "company": .string(shipment.courierCode),
                "ship_time": seconds(shipment.atMillis),
            ])
        ]
    }

    static func afterSale(_ afterSale: SimAfterSale, order: SimOrder) -> JSONValue {
        let lines = afterSale.lineIDs.isEmpty ? order.lines.map(\.lineID) : afterSale.lineIDs
        return .object([
            "aftersale_info": .object([
                "aftersale_id": .string(afterSale.refundID),
                "aftersale_type": .int(afterSaleType(afterSale, order: order)),
                "aftersale_status": .int(standardStatus(afterSale.status)), "refund_amount": .int(afterSale.amountFen),
                "refund_status": .int(refundStatus(afterSale)), "apply_time": seconds(afterSale.createdMillis),
                "create_time": seconds(afterSale.createdMillis),
                "update_time": seconds(afterSale.modifiedMillis), "reason_remark": .string(afterSale.reason),
                "return_logistics_code": .string(afterSale.returnTrackingNumber),
            ]),
            "order_info": .object([
                "shop_order_id": .string(order.orderID),
                "related_order_info": .array(lines.map { .object(["sku_order_id": .string($0)]) }),
            ]),
        ])
    }

    static func token(_ grant: SimGrant, now: Int64) -> JSONValue {
        .object([
            "access_token": .string(grant.accessToken), "expires_in": .int((grant.accessExpiresMillis - now) / 1000),
            "refresh_token": .string(grant.refreshToken), "scope": .string("SCOPE"), "shop_id": .string(grant.shopID),
            "shop_name": .string(grant.shopID), "authority_id": .string(""), "auth_subject_type": .string("MiniShop"),
        ])
    }

    /// Unix seconds; 0 for a moment that has not come.
    static func seconds(_ millis: Int64?) -> JSONValue {
        .int(millis.map { Windows.floorSeconds($0) } ?? 0)
    }
}
