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
        let context = ChannelContext(
            credentials: credentials,
            transport: transport,
            clock: clock,
            log: .standardError,
            fallbackRetrySeconds: 10
        )
        gateway = TOPGateway(context: context, settings: TOPSettings())
    }

    public func issueWaybill(for parcel: CourierParcel) throws(CourierError) -> IssuedWaybill {
        let request = JSONValue.object([
            "cp_code": .string(carrierCode),
            "sender": Self.person(parcel.sender),
            "trade_order_info_dtos": .array([
                .object([
                    "object_id": .string(parcel.requestKey),
                    "template_url": .string(templateURL),
                    "order_info": .object([
                        "order_channels_type": .string("OTHERS"),
                        "trade_order_list": .array([.string(parcel.requestKey)]),
                    ]),
                    "package_info": .object([
                        "id": .string(parcel.requestKey),
                        "items": .array(
                            parcel.items.map { .object(["name": .string($0.name), "count": .int($0.count)]) }
                        ),
                        "weight": .int(parcel.weightGrams),
                    ]),
                    "recipient": Self.person(parcel.receiver),
                ])
            ]),
        ])
        let answer = try call(
            "cainiao.waybill.ii.get",
            ["param_waybill_cloud_print_apply_new_request": request.serialized()]
        )
        let modules = answer["modules"]?["waybill_cloud_print_response"]?.array ?? []
        guard let module = modules.first(where: { $0["object_id"]?.text == parcel.requestKey }) ?? modules.first,
            let number = module["waybill_code"]?.text, !number.isEmpty
        else {
            throw CourierError(
                code: .unreadableAnswer,
                courierCode: carrierCode,
                detail: "modules.waybill_cloud_print_response holds no waybill_code"
            )
        }
        let printData = module["print_data"]?.text.flatMap { try? JSONValue.parse($0) }
        let routing = printData?["data"]?["routingInfo"]
        let sortCode = routing?["routeCode"]?.text ?? routing?["sortation"]?["name"]?.text
        let bagCentre = routing?["consolidation"]?["name"]?.text
        return IssuedWaybill(number: number, sortCode: sortCode, bagCentre: bagCentre)
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
            switch error {
            case .unavailable, .rateLimited:
                throw CourierError(code: .unreachable, courierCode: carrierCode, detail: error.description)
            case .malformedResponse:
                throw CourierError(code: .unreadableAnswer, courierCode: carrierCode, detail: error.description)
            default:
                throw CourierError(code: .refused, courierCode: carrierCode, detail: error.description)
            }
        }
    }

    /// `{name, mobile, address{province, city, district, detail}}`.
    static func person(_ contact: CourierContact) -> JSONValue {
        .object([
            "name": .string(contact.name),
            "mobile": .string(contact.mobile),
            "address": .object([
                "province": .string(contact.province),
                "city": .string(contact.city),
                "district": .string(contact.district),
                "detail": .string(contact.address),
            ]),
        ])
    }
}
