public import ZhangguiServices

/// 菜鸟 e-waybill through the TOP gateway (specs/platform-apis.md §7.2): `cainiao.waybill.ii.get` for a number of
/// any carrier the seller subscribed to (`cp_code`: `YTO` 圆通, `ZTO`, `STO`, `YUNDA` …), `cainiao.waybill.ii.cancel`
/// to give it back. Signed as every TOP call (``TOPSigner``) with the seller's session.
///
/// The parcel's request key goes as `object_id`; routing is read from the unencrypted `print_data`
/// (`routingInfo.routeCode` or `sortation.name` as the sorting code, `consolidation.name` as 集包地 — the spec marks
/// that reading unconfirmed).
public struct CainiaoWaybillClient: CourierClient {
    public let carrierCode: String
    let gateway: TOPGateway
    let templateURL: String

    /// - Parameters:
    ///   - credentials: the TOP application's keys, the seller's session as the access token, the gateway URL.
    ///   - carrierCode: the `cp_code` numbers are taken for.
    ///   - templateURL: the standard template (`http://cloudprint.cainiao.com/template/standard/<id>`).
    public init(
        credentials: ShopCredentials,
        carrierCode: String,
        templateURL: String,
        transport: any HTTPTransport = CurlTransport(),
        clock: @escaping ChannelClock = systemClock
    ) {
        self.carrierCode = carrierCode
        self.templateURL = templateURL
        let settings = TOPSettings()
        gateway = TOPGateway(
            context: EWaybillMessages.context(credentials, transport, clock, settings.fallbackRetrySeconds),
            settings: settings
        )
    }

    public func issueWaybill(for parcel: CourierParcel) throws(CourierError) -> IssuedWaybill {
        let request = EWaybillMessages.request(
            parcel,
            carrierField: "cp_code",
            carrierCode: carrierCode,
            templateURL: templateURL
        )
        let answer = try call("cainiao.waybill.ii.get", [EWaybillMessages.requestName: request.serialized()])
        let modules = answer["modules"]?["waybill_cloud_print_response"]?.array ?? []
        return try EWaybillMessages.issued(from: modules, parcel: parcel, carrierCode: carrierCode)
    }

    public func cancelWaybill(_ waybillNumber: String, requestKey: String) throws(CourierError) {
        let answer = try call("cainiao.waybill.ii.cancel", ["cp_code": carrierCode, "waybill_code": waybillNumber])
        guard answer["cancel_result"]?.bool == true else {
            throw CourierError(code: .refused, courierCode: carrierCode, detail: "cancel_result is not true")
        }
    }

    private func call(_ method: String, _ parameters: [String: String]) throws(CourierError) -> JSONValue {
        do {
            return try gateway.call(method, parameters)
        } catch {
            throw EWaybillMessages.courierError(error, carrierCode: carrierCode)
        }
    }
}
