import ZhangguiChannels
import ZhangguiCore

/// Orders, refunds and tokens in PDD's shape: yuan as JSON numbers, GMT+8 texts, receiver ciphertext only while
/// the order waits to ship and is not under risk review, `*_mask` fields always.
enum PDDShapes {
    static func orderStatus(_ order: SimOrder) -> Int64 {
        switch order.phase {
        case .pendingPayment, .paid, .closed: 1
        case .shipped: 2
        case .delivered: 3
        }
    }

    /// 1 none, 2 in progress, 4 refunded (3, "refunding", is not used by the simulator).
    static func refundStatus(_ order: SimOrder, _ afterSales: [SimAfterSale]) -> Int64 {
        if afterSales.contains(where: \.status.isOpen) { return 2 }
        let refunded = afterSales.filter { $0.status == .succeeded }.reduce(0) { $0 + $1.amountFen }
        return refunded > 0 && refunded >= order.paymentFen ? 4 : 1
    }

    static func afterSalesStatus(_ afterSale: SimAfterSale) -> Int64 {
        switch afterSale.status {
        case .requested: afterSale.kind == .returnAndRefund ? 3 : 2
        case .awaitingReturn: 7
        case .returning: 4
        case .succeeded: 10
        case .refused: 6
        case .closed: 11
        }
    }

    static func afterSalesType(_ kind: AfterSaleKind) -> Int64 {
        switch kind {
        case .refundOnly: 2
        case .returnAndRefund: 3
        case .exchange: 4
        case .reship: 5
        }
    }

    static func order(_ order: SimOrder, afterSales: [SimAfterSale], isDetail: Bool) -> JSONValue {
        let receiver = order.receiver
        let showsCiphertext = order.phase == .paid && !order.isHeld
        func sealed(_ value: String, _ field: String) -> JSONValue {
            .string(
                showsCiphertext
                    ? ReceiverPrivacy.ciphertext(value, orderID: order.orderID, field: field, marker: "~") : ""
            )
        }
        let maskedDetail = ReceiverPrivacy.maskedDetail(receiver.detail)
        let latest = afterSales.last
        var info: [String: JSONValue] = [
            "order_sn": .string(order.orderID), "confirm_time": time(order.paidMillis),
            "created_time": time(order.createdMillis), "pay_time": time(order.paidMillis),
            "receiver_name": sealed(receiver.name, "name"), "receiver_phone": sealed(receiver.phone, "phone"),
            "address": sealed(receiver.province + receiver.city + receiver.district + receiver.detail, "address"),
            "receiver_address": sealed(receiver.detail, "detail"),
            "receiver_name_mask": .string(ReceiverPrivacy.maskedName(receiver.name)),
            "receiver_phone_mask": .string(ReceiverPrivacy.maskedPhone(receiver.phone)),
            "receiver_address_mask": .string(maskedDetail),
            "address_mask": .string(receiver.province + receiver.city + receiver.district + maskedDetail),
            "open_address_id": .string(ReceiverPrivacy.openID(receiver, orderID: order.orderID)),
            "country": .string("中国"), "province": .string(receiver.province), "city": .string(receiver.city),
            "town": .string(receiver.district), "country_id": .int(0), "province_id": .int(0), "city_id": .int(0),
            "town_id": .int(0), "pay_amount": .yuanNumber(fen: order.paymentFen),
            "goods_amount": .yuanNumber(fen: order.goodsFen - order.lines.reduce(0) { $0 + $1.discountFen }),
            "discount_amount": .yuanNumber(fen: order.discountFen), "platform_discount": .int(0),
            "seller_discount": .yuanNumber(fen: order.discountFen), "capital_free_discount": .int(0),
            "postage": .yuanNumber(fen: order.freightFen), "pay_no": .string("4200" + order.orderID.filter(\.isNumber)),
            "pay_type": .string("WEIXIN"), "id_card_num": .string(""), "id_card_name": .string(""),
            "logistics_id": .int(Int64(order.shipment?.courierCode ?? "") ?? 0),
            "tracking_number": .string(order.shipment?.trackingNumber ?? ""),
            "shipping_time": time(order.shippedMillis),
            "order_status": .int(orderStatus(order)), "refund_status": .int(refundStatus(order, afterSales)),
            "after_sales_status": .int(latest.map(afterSalesStatus) ?? 0),
            "confirm_status": .int(order.phase == .closed && !order.isPaid ? 2 : 1), "group_status": .int(1),
            "risk_control_status": .int(order.isHeld ? 1 : 0), "is_lucky_flag": .int(1),
            "updated_at": time(order.modifiedMillis),
            "last_ship_time": time(order.paidMillis.map { $0 + 48 * 3_600_000 }), "remark": .string(order.sellerMemo),
            "remark_tag": .int(0), "buyer_memo": .string(order.buyerNote), "receive_time": time(order.finishedMillis),
            "item_list": .array(order.lines.map(item)), "cat_id_1": .int(0), "cat_id_2": .int(0), "cat_id_3": .int(0),
            "cat_id_4": .int(0), "stock_out_handle_status": .int(-1), "is_stock_out": .int(0),
            "inner_transaction_id": .string("XP00" + order.orderID.filter(\.isNumber)), "invoice_status": .int(0),
            "is_pre_sale": .int(0), "pre_sale_time": .string(""), "trade_type": .int(0),
        ]
        if isDetail {
            info["free_sf"] = .int(0)
            info["home_delivery_type"] = .int(0)
            info["card_info_list"] = .array([])
        }
        return .object(info)
    }

    private static func item(_ line: SimOrderLine) -> JSONValue {
        .object([
            "goods_id": .string(line.itemID), "sku_id": .string(line.skuID), "outer_id": .string(line.outerID),
            "outer_goods_id": .string(""), "goods_name": .string(line.title),
            "goods_price": .yuanNumber(fen: line.unitPriceFen), "goods_spec": .string(""),
            "goods_count": .int(line.quantity), "goods_img": .string(""),
        ])
    }

    static func refund(_ afterSale: SimAfterSale, order: SimOrder) -> JSONValue {
        let line = order.lines.first { afterSale.lineIDs.contains($0.lineID) } ?? order.lines[0]
        return .object([
            "id": .identifier(afterSale.refundID), "order_sn": .string(order.orderID),
            "after_sales_type": .int(afterSalesType(afterSale.kind)),
            "after_sales_status": .int(afterSalesStatus(afterSale)),
            "refund_amount": .yuanNumber(fen: afterSale.amountFen), "order_amount": .yuanNumber(fen: order.paymentFen),
            "goods_id": .string(line.itemID), "sku_id": .string(line.skuID), "outer_id": .string(line.outerID),
            "goods_number": .int(line.quantity), "goods_price": .yuanNumber(fen: line.unitPriceFen),
            "goods_name": .string(line.title), "tracking_number": .string(afterSale.returnTrackingNumber),
            "shipping_name": .string(""), "after_sale_reason": .string(afterSale.reason),
            "created_time": time(afterSale.createdMillis), "updated_time": time(afterSale.modifiedMillis),
        ])
    }

    static func token(_ grant: SimGrant, now: Int64) -> JSONValue {
        let accessSeconds = (grant.accessExpiresMillis - now) / 1000
        return .object([
            "access_token": .string(grant.accessToken), "expires_in": .int(accessSeconds),
            "expires_at": .int(grant.accessExpiresMillis / 1000), "refresh_token": .string(grant.refreshToken),
            "refresh_token_expires_in": .int((grant.refreshExpiresMillis - now) / 1000),
            "refresh_token_expires_at": .int(grant.refreshExpiresMillis / 1000), "owner_id": .string(grant.shopID),
            "owner_name": .string(grant.shopID), "scope": .array([.string("pdd.order.list.get")]),
            "r1_expires_in": .int(accessSeconds), "r2_expires_in": .int(accessSeconds),
            "w1_expires_in": .int(accessSeconds), "w2_expires_in": .int(accessSeconds),
        ])
    }

    /// A GMT+8 text, or "" when the moment has not come, as PDD writes empty times.
    static func time(_ millis: Int64?) -> JSONValue {
        .string(millis.map { PlatformTimestamp.gmt8Text(millis: $0) } ?? "")
    }
}
