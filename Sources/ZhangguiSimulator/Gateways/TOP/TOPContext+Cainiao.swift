import ZhangguiChannels

/// 菜鸟 e-waybill on the TOP gateway (``EWaybillDesk``).
extension TOPContext {
    /// `cainiao.waybill.ii.get`: `modules.waybill_cloud_print_response[]`, each with an unencrypted `print_data`
    /// holding `routingInfo{routeCode, sortation{name}, consolidation{name, code}}`.
    func cainiaoWaybill() throws(GatewayError) -> JSONValue {
        let modules = try EWaybillDesk.apply(parameters, carrierField: "cp_code", shopID: shopID, desk: world.couriers)
        return .object(["modules": .object(["waybill_cloud_print_response": .array(modules)])])
    }

    /// `cainiao.waybill.ii.cancel` (`cp_code`, `waybill_code`): `cancel_result` true for a live number of this shop.
    func cainiaoCancel() throws(GatewayError) -> JSONValue {
        try EWaybillDesk.cancel(parameters, carrierField: "cp_code", shopID: shopID, desk: world.couriers)
        return .object(["cancel_result": .bool(true)])
    }
}
