import ZhangguiChannels

/// 抖音电子面单 on the 抖店 gateway (specs/platform-apis.md §7.4), numbers kept by the shared ``CourierDesk`` under
/// the shop and `order_id`.
extension DoudianContext {
    /// `logistics.newCreateOrder`: one `ebill_infos` entry per `order_infos` entry, with `sort_code` (三段码),
    /// `package_center_name` (集包地) and `short_address_name` (大头笔).
    func createEWaybill() throws(GatewayError) -> JSONValue {
        let carrier = try parameters.required("logistics_code")
        guard let orders = parameters.value("order_infos")?.array, !orders.isEmpty else {
            throw .missingParameter("order_infos")
        }
        var infos: [JSONValue] = []
        for order in orders {
            guard let orderID = order["order_id"]?.text, !orderID.isEmpty else { throw .missingParameter("order_id") }
            let address = order["receiver_info"]?["address"]
            guard let province = address?["province_name"]?.text, !province.isEmpty,
                let detail = address?["detail_address"]?.text, !detail.isEmpty
            else {
                throw .invalidParameter("receiver_info", "receiver_info.address needs province_name and detail_address")
            }
            let waybill = world.couriers.issue(
                courier: carrier,
                requestKey: "\(shopID)/\(orderID)",
                province: province,
                city: address?["city_name"]?.text ?? ""
            )
            infos.append(
                .object([
                    "order_id": .string(orderID),
                    "track_no": .string(waybill.number),
                    "sort_code": .string(waybill.sortCode),
                    "package_center_code": .string(""),
                    "package_center_name": .string(waybill.bagCentre),
                    "short_address_code": .string(""),
                    "short_address_name": .string(waybill.sortCode),
                    "company": .string(carrier),
                ])
            )
        }
        return .object(["ebill_infos": .array(infos), "err_infos": .array([])])
    }

    /// `logistics.cancelOrder` (`logistics_code`, `track_no`): `success` true for a live number of this shop.
    func cancelEWaybill() throws(GatewayError) -> JSONValue {
        let carrier = try parameters.required("logistics_code")
        let number = try parameters.required("track_no")
        let cancelled = world.couriers.cancel(courier: carrier) {
            $0.number == number && $0.requestKey.hasPrefix("\(shopID)/")
        }
        guard cancelled != nil else { throw .notFound("waybill \(number)") }
        return .object(["success": .bool(true)])
    }
}
