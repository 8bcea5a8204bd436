public import ZhangguiServices

/// 抖音电子面单 (specs/platform-apis.md §7.4): `logistics.newCreateOrder` for a number of the carrier
/// `logistics_code` names, `logistics.cancelOrder` to give it back; signed as every 抖店 call (``DoudianSigner``).
/// The request key goes as `order_id`; `sort_code` (三段码) is the sorting code and `package_center_name` the 集包地.
public struct DoudianWaybillClient: CourierClient {
    public let carrierCode: String
    let gateway: DoudianGateway

    public init(
        credentials: ShopCredentials,
        carrierCode: String,
        transport: any HTTPTransport = CurlTransport(),
        clock: @escaping ChannelClock = systemClock
    ) {
        self.carrierCode = carrierCode
        let settings = DoudianSettings()
        gateway = DoudianGateway(
            context: EWaybillMessages.context(credentials, transport, clock, settings.fallbackRetrySeconds),
            settings: settings
        )
    }

    public func issueWaybill(for parcel: CourierParcel) throws(CourierError) -> IssuedWaybill {
        let order = JSONValue.object([
            "order_id": .string(parcel.requestKey),
            "receiver_info": Self.person(parcel.receiver),
            "items": .array(
                parcel.items.map { .object(["item_name": .string($0.name), "item_count": .int($0.count)]) }
            ),
            "total_pack_count": .int(1),
        ])
        let data = try call(
            "logistics.newCreateOrder",
            [
                "logistics_code": .string(carrierCode),
                "sender_info": Self.person(parcel.sender),
                "order_infos": .array([order]),
            ]
        )
        let infos = data["ebill_infos"]?.array ?? []
        guard let info = infos.first(where: { $0["order_id"]?.text == parcel.requestKey }),
            let number = info["track_no"]?.text, !number.isEmpty
        else {
            let refusal = (data["err_infos"]?.array ?? []).first
            let detail = [refusal?["err_code"]?.text, refusal?["err_msg"]?.text].compactMap { $0 }.joined(
                separator: " "
            )
            throw CourierError(
                code: refusal == nil ? .unreadableAnswer : .refused,
                courierCode: carrierCode,
                detail: detail.isEmpty ? "data.ebill_infos holds no track_no" : detail
            )
        }
        let sortCode = info["sort_code"]?.text.flatMap { $0.isEmpty ? nil : $0 }
        let bagCentre = info["package_center_name"]?.text.flatMap { $0.isEmpty ? nil : $0 }
        return IssuedWaybill(number: number, sortCode: sortCode, bagCentre: bagCentre)
    }

    public func cancelWaybill(_ waybillNumber: String, requestKey: String) throws(CourierError) {
        _ = try call(
            "logistics.cancelOrder",
            ["logistics_code": .string(carrierCode), "track_no": .string(waybillNumber)]
        )
    }

    private func call(_ method: String, _ business: [String: JSONValue]) throws(CourierError) -> JSONValue {
        do {
            return try gateway.call(method, business).value
        } catch {
            throw EWaybillMessages.courierError(error, carrierCode: carrierCode)
        }
    }

    /// `{address{country_code, province_name, city_name, district_name, detail_address}, contact{name, mobile}}`.
    static func person(_ contact: CourierContact) -> JSONValue {
        .object([
            "address": .object([
                "country_code": .string("CHN"),
                "province_name": .string(contact.province),
                "city_name": .string(contact.city),
                "district_name": .string(contact.district),
                "detail_address": .string(contact.address),
            ]),
            "contact": .object(["name": .string(contact.name), "mobile": .string(contact.mobile)]),
        ])
    }
}
