public import ZhangguiServices

/// 拼多多 e-waybill (specs/platform-apis.md §7.3): `pdd.waybill.get` for a number of the carrier `wp_code` names,
/// `pdd.waybill.cancel` to give it back; signed as every PDD call (``PDDSigner``) with the seller's access token.
/// The request key goes as `object_id`; routing is read from `print_data` as for 菜鸟.
public struct PDDWaybillClient: CourierClient {
    public let carrierCode: String
    let gateway: PDDGateway
    let templateURL: String

    public init(
        credentials: ShopCredentials,
        carrierCode: String,
        templateURL: String,
        transport: any HTTPTransport = CurlTransport(),
        clock: @escaping ChannelClock = systemClock
    ) {
        self.carrierCode = carrierCode
        self.templateURL = templateURL
        let settings = PDDSettings()
        gateway = PDDGateway(
            context: EWaybillMessages.context(credentials, transport, clock, settings.fallbackRetrySeconds),
            settings: settings
        )
    }

    public func issueWaybill(for parcel: CourierParcel) throws(CourierError) -> IssuedWaybill {
        let request = EWaybillMessages.request(
            parcel,
            carrierField: "wp_code",
            carrierCode: carrierCode,
            templateURL: templateURL
        )
        let answer = try call("pdd.waybill.get", [EWaybillMessages.requestName: request.serialized()])
        return try EWaybillMessages.issued(
            from: answer["modules"]?.array ?? [],
            parcel: parcel,
            carrierCode: carrierCode
        )
    }

    public func cancelWaybill(_ waybillNumber: String, requestKey: String) throws(CourierError) {
        let answer = try call("pdd.waybill.cancel", ["wp_code": carrierCode, "waybill_code": waybillNumber])
        guard answer["cancel_result"]?.bool == true else {
            throw CourierError(code: .refused, courierCode: carrierCode, detail: "cancel_result is not true")
        }
    }

    private func call(_ type: String, _ parameters: [String: String]) throws(CourierError) -> JSONValue {
        do {
            return try gateway.call(type, parameters).value
        } catch {
            throw EWaybillMessages.courierError(error, carrierCode: carrierCode)
        }
    }
}
