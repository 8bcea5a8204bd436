import ZhangguiChannels

/// What the marketplaces' e-waybill services (菜鸟 on TOP, 拼多多) answer alike: the request
/// `param_waybill_cloud_print_apply_new_request` with the carrier code and up to ten `trade_order_info_dtos`, one
/// module per entry, numbers kept by the ``CourierDesk`` under the shop and `object_id`.
enum EWaybillDesk {
    static let requestName = "param_waybill_cloud_print_apply_new_request"

    /// The modules for `parameters`' request; `carrierField` is `cp_code` (菜鸟) or `wp_code` (拼多多).
    static func apply(_ parameters: GatewayParameters, carrierField: String, shopID: String, desk: CourierDesk)
        throws(GatewayError) -> [JSONValue]
    {
        guard let request = try? JSONValue.parse(try parameters.required(requestName)), request.object != nil else {
            throw .invalidParameter(requestName, "\(requestName) must be a JSON object")
        }
        guard let carrier = request[carrierField]?.text, !carrier.isEmpty else {
            throw .missingParameter(carrierField)
        }
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
            let waybill = desk.issue(
                courier: carrier,
                requestKey: "\(shopID)/\(objectID)",
                province: province,
                city: address?["city"]?.text ?? ""
            )
            modules.append(module(waybill, objectID: objectID, carrier: carrier, carrierField: carrierField))
        }
        return modules
    }

    /// Cancels the live number `waybill_code` of the carrier in `carrierField` issued to `shopID`.
    static func cancel(_ parameters: GatewayParameters, carrierField: String, shopID: String, desk: CourierDesk)
        throws(GatewayError)
    {
        let carrier = try parameters.required(carrierField)
        let number = try parameters.required("waybill_code")
        let cancelled = desk.cancel(courier: carrier) {
            $0.number == number && $0.requestKey.hasPrefix("\(shopID)/")
        }
        guard cancelled != nil else { throw .notFound("waybill \(number)") }
    }

    private static func module(_ waybill: SimWaybill, objectID: String, carrier: String, carrierField: String)
        -> JSONValue
    {
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
        return .object([
            "object_id": .string(objectID),
            "waybill_code": .string(waybill.number),
            carrierField: .string(carrier),
            "print_data": .string(printData.serialized()),
        ])
    }
}
