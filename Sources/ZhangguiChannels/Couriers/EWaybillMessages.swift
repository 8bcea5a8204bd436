import ZhangguiCore
import ZhangguiServices

/// What the marketplaces' e-waybill services (菜鸟, 拼多多) take and answer alike (specs/platform-apis.md §7.2–7.3):
/// `param_waybill_cloud_print_apply_new_request` with the carrier code and `trade_order_info_dtos[]`, answered with
/// modules of `object_id, waybill_code, print_data`.
enum EWaybillMessages {
    static let requestName = "param_waybill_cloud_print_apply_new_request"

    /// The call context of an e-waybill client: the shop's credentials on its platform's gateway, logging to
    /// standard error as the shops' channels do.
    static func context(
        _ credentials: ShopCredentials,
        _ transport: any HTTPTransport,
        _ clock: @escaping ChannelClock,
        _ fallbackRetrySeconds: Int
    ) -> ChannelContext {
        ChannelContext(
            credentials: credentials,
            transport: transport,
            clock: clock,
            log: .standardError,
            fallbackRetrySeconds: fallbackRetrySeconds
        )
    }

    /// One parcel's request, its request key as `object_id`; `carrierField` is `cp_code` (菜鸟) or `wp_code` (拼多多).
    static func request(_ parcel: CourierParcel, carrierField: String, carrierCode: String, templateURL: String)
        -> JSONValue
    {
        .object([
            carrierField: .string(carrierCode),
            "sender": person(parcel.sender),
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
                    "recipient": person(parcel.receiver),
                ])
            ]),
        ])
    }

    /// The module of `parcel` (by `object_id`) as a waybill: routing read from the unencrypted `print_data`
    /// (`routingInfo.routeCode`, else `sortation.name`; 集包地 `consolidation.name` — unconfirmed in the spec).
    static func issued(from modules: [JSONValue], parcel: CourierParcel, carrierCode: String)
        throws(CourierError) -> IssuedWaybill
    {
        guard let module = modules.first(where: { $0["object_id"]?.text == parcel.requestKey }) ?? modules.first,
            let number = module["waybill_code"]?.text, !number.isEmpty
        else {
            throw CourierError(
                code: .unreadableAnswer,
                courierCode: carrierCode,
                detail: "no module has a waybill_code"
            )
        }
        let printData = module["print_data"]?.text.flatMap { try? JSONValue.parse($0) }
        let routing = printData?["data"]?["routingInfo"]
        let sortCode = routing?["routeCode"]?.text ?? routing?["sortation"]?["name"]?.text
        let bagCentre = routing?["consolidation"]?["name"]?.text
        return IssuedWaybill(number: number, sortCode: sortCode, bagCentre: bagCentre)
    }

    /// A channel error as the courier error the waybill step keeps: outages and rate limits make the parcel wait.
    static func courierError(_ error: ChannelError, carrierCode: String) -> CourierError {
        switch error {
        case .unavailable, .rateLimited:
            CourierError(code: .unreachable, courierCode: carrierCode, detail: error.description)
        case .malformedResponse:
            CourierError(code: .unreadableAnswer, courierCode: carrierCode, detail: error.description)
        default:
            CourierError(code: .refused, courierCode: carrierCode, detail: error.description)
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
