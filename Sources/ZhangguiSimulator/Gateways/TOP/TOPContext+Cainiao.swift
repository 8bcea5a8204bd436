import ZhangguiChannels

/// 菜鸟 e-waybill on the TOP gateway: numbers of the carrier `cp_code` names, kept by the shared ``CourierDesk``
/// under the shop and `object_id` (the same `object_id` gets the same number again).
extension TOPContext {
    /// `cainiao.waybill.ii.get`: one module per `trade_order_info_dtos` entry, with an unencrypted `print_data`
    /// holding `routingInfo{routeCode, sortation{name}, consolidation{name, code}}`.
    func cainiaoWaybill() throws(GatewayError) -> JSONValue {
        let name = "param_waybill_cloud_print_apply_new_request"
        guard let request = try? JSONValue.parse(try parameters.required(name)), request.object != nil else {
            throw .invalidParameter(name, "\(name) must be a JSON object")
        }
        guard let carrier = request["cp_code"]?.text, !carrier.isEmpty else { throw .missingParameter("cp_code") }
        let orders = request["trade_order_info_dtos"]?.array ?? []
        guard (1...10).contains(orders.count) else {
            throw .invalidParameter("trade_order_info_dtos", "trade_order_info_dtos holds 1 to 10 entries")
        }
        var modules: [JSONValue] = []
        for order in orders {
            guard let objectID = order["object_id"]?.text, !objectID.isEmpty else {
                throw .missingParameter("object_id")
            }
            let address = order["recipient"]?["address"]
            guard let province = address?["province"]?.text, !province.isEmpty,
                let detail = address?["detail"]?.text, !detail.isEmpty
            else { throw .invalidParameter("recipient", "recipient.address needs province and detail") }
            let waybill = world.couriers.issue(
                courier: carrier,
                requestKey: "\(shopID)/\(objectID)",
                province: province,
                city: address?["city"]?.text ?? ""
            )
            let printData = JSONValue.object([
                "data": .object([
                    "waybillCode": .string(waybill.number),
                    "routingInfo": .object([
                        "routeCode": .string(waybill.sortCode),
                        "sortation": .object(["name": .string(waybill.sortCode)]),
                        "consolidation": .object(["name": .string(waybill.bagCentre), "code": .string("")]),
                    ]),
                ])
            ])
            modules.append(
                .object([
                    "object_id": .string(objectID),
                    "waybill_code": .string(waybill.number),
                    "cp_code": .string(carrier),
                    "print_data": .string(printData.serialized()),
                ])
            )
        }
        return .object(["modules": .object(["waybill_cloud_print_response": .array(modules)])])
    }

    /// `cainiao.waybill.ii.cancel` (`cp_code`, `waybill_code`): `cancel_result` true for a live number of this shop.
    func cainiaoCancel() throws(GatewayError) -> JSONValue {
        let carrier = try parameters.required("cp_code")
        let number = try parameters.required("waybill_code")
        let prefix = "\(shopID)/"
        let cancelled = world.couriers.cancel(courier: carrier) {
            $0.number == number && $0.requestKey.hasPrefix(prefix)
        }
        guard cancelled != nil else { throw .notFound("waybill \(number)") }
        return .object(["cancel_result": .bool(true)])
    }
}
