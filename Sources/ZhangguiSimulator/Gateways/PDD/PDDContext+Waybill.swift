import ZhangguiChannels

/// 拼多多 e-waybill (``EWaybillDesk``): `pdd.waybill.get` and `pdd.waybill.cancel`.
extension PDDContext {
    /// `pdd.waybill.get`: `modules[]{object_id, waybill_code, wp_code, print_data}`.
    func waybill() throws(GatewayError) -> JSONValue {
        let modules = try EWaybillDesk.apply(parameters, carrierField: "wp_code", shopID: shopID, desk: world.couriers)
        return .object(["modules": .array(modules)])
    }

    /// `pdd.waybill.cancel` (`wp_code`, `waybill_code`): `cancel_result` true for a live number of this shop.
    func cancelWaybill() throws(GatewayError) -> JSONValue {
        try EWaybillDesk.cancel(parameters, carrierField: "wp_code", shopID: shopID, desk: world.couriers)
        return .object(["cancel_result": .bool(true)])
    }
}
