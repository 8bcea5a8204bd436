import ZhangguiChannels
import ZhangguiCore

/// Trades and refunds in TOP's shape: yuan strings, GMT+8 texts, numeric ids, masked receivers plus `oaid`.
enum TOPShapes {
    /// The trade status (`WAIT_SELLER_SEND_GOODS`, …) of an order.
    static func status(_ order: SimOrder) -> String {
        switch order.phase {
        case .pendingPayment: "WAIT_BUYER_PAY"
        case .paid: order.isHeld ? "PAID_FORBID_CONSIGN" : "WAIT_SELLER_SEND_GOODS"
        case .shipped: "WAIT_BUYER_CONFIRM_GOODS"
        case .delivered: "TRADE_FINISHED"
        case .closed: order.isPaid ? "TRADE_CLOSED" : "TRADE_CLOSED_BY_TAOBAO"
        }
    }

    static func refundStatus(_ status: AfterSaleStatus) -> String {
        switch status {
        case .requested: "WAIT_SELLER_AGREE"
        case .awaitingReturn: "WAIT_BUYER_RETURN_GOODS"
        case .returning: "WAIT_SELLER_CONFIRM_GOODS"
        case .succeeded: "SUCCESS"
        case .refused: "SELLER_REFUSE_BUYER"
        case .closed: "CLOSED"
        }
    }

    /// The trade with only the members `fields` names; `oaid` only when all five receiver/creation fields are
    /// asked for, as TOP does.
    static func trade(_ order: SimOrder, afterSales: [SimAfterSale], fields: Set<String>) -> JSONValue {
        let full = fullTrade(order, afterSales: afterSales)
        let oaidFields: Set<String> = [
            "receiver_name", "receiver_address", "created", "receiver_mobile", "receiver_phone",
        ]
        let wantsOrders = fields.contains("orders") || fields.contains { $0.hasPrefix("orders.") }
        let members = full.object ?? [:]
        return .object(
            members.filter { key, _ in
                if key == "oaid" { return oaidFields.isSubset(of: fields) }
                if key == "orders" { return wantsOrders }
                return fields.contains(key)
            }
        )
    }

    static func fullTrade(_ order: SimOrder, afterSales: [SimAfterSale]) -> JSONValue {
        let receiver = order.receiver
        var trade: [String: JSONValue] = [
            "adjust_fee": .string("0.00"),
            "alipay_id": .int(2_088_000_000_000_000 + idNumber(order.orderID) % 1_000_000),
            "alipay_no": .string("2026" + order.orderID), "alipay_point": .int(0),
            "available_confirm_fee": .yuanString(fen: order.paymentFen), "buyer_alipay_no": .string("***"),
            "buyer_area": .string(""), "buyer_cod_fee": .string("0.00"), "buyer_email": .string(""),
            "buyer_ip": .string(""), "buyer_message": .string(order.buyerNote),
            "buyer_nick": .string(ReceiverPrivacy.maskedName(receiver.name)), "buyer_obtain_point_fee": .int(0),
            "buyer_open_uid": .string("AAE" + ReceiverPrivacy.openID(receiver, orderID: "buyer")),
            "buyer_rate": .bool(false), "cod_fee": .string("0.00"), "cod_status": .string("NEW_CREATED"),
            "commission_fee": .string("0.00"), "created": time(order.createdMillis),
            "discount_fee": .yuanString(fen: order.discountFen), "has_post_fee": .bool(order.freightFen > 0),
            "has_yfx": .bool(false), "is_3D": .bool(false), "is_brand_sale": .bool(false), "is_daixiao": .bool(false),
            "is_force_wlb": .bool(false), "is_lgtype": .bool(false), "is_part_consign": .bool(false),
            "is_sh_ship": .bool(false), "is_wt": .bool(false), "modified": time(order.modifiedMillis),
            "num": .int(order.lines.reduce(0) { $0 + $1.quantity }),
            "num_iid": id(order.lines.first?.itemID ?? "0"),
            "oaid": .string(ReceiverPrivacy.openID(receiver, orderID: order.orderID)),
            "orders": .object(["order": .array(order.lines.map { line(order, $0, afterSales: afterSales) })]),
            "payment": .yuanString(fen: order.paymentFen), "pcc_af": .int(0), "point_fee": .int(0),
            "post_fee": .yuanString(fen: order.freightFen),
            "promotion_details": .object(["promotion_detail": .array([])]), "real_point_fee": .int(0),
            "received_payment": .string("0.00"),
            "receiver_address": .string(ReceiverPrivacy.maskedDetail(receiver.detail)),
            "receiver_city": .string(receiver.city), "receiver_country": .string(""),
            "receiver_district": .string(receiver.district),
            "receiver_mobile": .string(ReceiverPrivacy.maskedPhone(receiver.phone)),
            "receiver_name": .string(ReceiverPrivacy.maskedName(receiver.name)), "receiver_phone": .string(""),
            "receiver_state": .string(receiver.province), "receiver_town": .string(receiver.district),
            "receiver_zip": .string("000000"), "seller_alipay_no": .string("***"), "seller_can_rate": .bool(false),
            "seller_cod_fee": .string("0.00"), "seller_email": .string(""), "seller_flag": .int(0),
            "seller_memo": .string(order.sellerMemo), "seller_mobile": .string(""), "seller_name": .string(""),
            "seller_nick": .string(order.shopID), "seller_rate": .bool(false),
            "service_tags": .object(["logistics_tag": .array([])]), "shipping_type": .string("express"),
            "snapshot_url": .string(""), "status": .string(status(order)), "tid": id(order.orderID),
            "title": .string(order.shopID), "total_fee": .yuanString(fen: order.goodsFen),
            "trade_from": .string("WAP,WAP"), "type": .string("fixed"),
        ]
        if let paid = order.paidMillis { trade["pay_time"] = time(paid) }
        if let shipped = order.shippedMillis { trade["consign_time"] = time(shipped) }
        if let finished = order.finishedMillis { trade["end_time"] = time(finished) }
        return .object(trade)
    }

    private static func line(_ order: SimOrder, _ line: SimOrderLine, afterSales: [SimAfterSale]) -> JSONValue {
        let concerning = afterSales.last { $0.lineIDs.isEmpty || $0.lineIDs.contains(line.lineID) }
        let isRefunded = concerning?.status == .succeeded
        var member: [String: JSONValue] = [
            "adjust_fee": .string("0.00"), "buyer_rate": .bool(false), "cid": .int(0),
            "discount_fee": .yuanString(fen: line.discountFen), "divide_order_fee": .yuanString(fen: line.paidFen),
            "is_daixiao": .bool(false), "is_oversold": .bool(false), "num": .int(line.quantity),
            "num_iid": id(line.itemID), "oid": id(line.lineID), "order_from": .string("WAP,WAP"),
            "outer_iid": .string(line.outerID), "outer_sku_id": .string(line.outerID),
            "part_mjz_discount": .string("0.00"), "payment": .yuanString(fen: line.paidFen), "pic_path": .string(""),
            "price": .yuanString(fen: line.unitPriceFen),
            "refund_status": .string(concerning.map { refundStatus($0.status) } ?? "NO_REFUND"),
            "seller_rate": .bool(false), "seller_type": .string("B"), "sku_id": .string(line.skuID),
            "sku_properties_name": .string(""), "snapshot_url": .string(""),
            "status": .string(isRefunded ? "TRADE_CLOSED" : status(order)), "title": .string(line.title),
            "total_fee": .yuanString(fen: line.paidFen),
        ]
        if let concerning { member["refund_id"] = id(concerning.refundID) }
        if let shipment = order.shipment {
            member["logistics_company"] = .string(shipment.courierCode)
            member["invoice_no"] = .string(shipment.trackingNumber)
            member["consign_time"] = time(shipment.atMillis)
        }
        return .object(member)
    }

    static func refund(_ afterSale: SimAfterSale, order: SimOrder, fields: Set<String>) -> JSONValue {
        let full: [String: JSONValue] = [
            "refund_id": id(afterSale.refundID), "tid": id(order.orderID),
            "oid": id(afterSale.lineIDs.first ?? order.lines.first?.lineID ?? order.orderID),
            "title": .string(order.lines.first?.title ?? ""),
            "buyer_nick": .string(ReceiverPrivacy.maskedName(order.receiver.name)),
            "seller_nick": .string(order.shopID), "total_fee": .yuanString(fen: order.goodsFen),
            "refund_fee": .yuanString(fen: afterSale.amountFen), "payment": .yuanString(fen: order.paymentFen),
            "status": .string(refundStatus(afterSale.status)), "created": time(afterSale.createdMillis),
            "modified": time(afterSale.modifiedMillis), "good_status": .string(goodStatus(afterSale)),
            "has_good_return": .bool(afterSale.kind == .returnAndRefund || afterSale.kind == .exchange),
            "company_name": .string(""), "sid": .string(afterSale.returnTrackingNumber),
            "reason": .string(afterSale.reason),
            "desc": .string(""), "order_status": .string(status(order)),
            "refund_phase": .string(order.shippedMillis == nil ? "onsale" : "aftersale"),
            "dispute_type": .string("REFUND"),
        ]
        return .object(full.filter { fields.contains($0.key) })
    }

    private static func goodStatus(_ afterSale: SimAfterSale) -> String {
        switch afterSale.status {
        case .returning: "BUYER_RETURNED_GOODS"
        case .succeeded where afterSale.kind == .returnAndRefund: "BUYER_RETURNED_GOODS"
        default: "BUYER_NOT_RECEIVED"
        }
    }

    static func time(_ millis: Int64) -> JSONValue { .string(PlatformTimestamp.gmt8Text(millis: millis)) }

    /// An id as TOP writes it: a JSON number when all digits, otherwise a string.
    static func id(_ text: String) -> JSONValue { .identifier(text) }

    private static func idNumber(_ text: String) -> Int64 { Int64(text) ?? 0 }
}
