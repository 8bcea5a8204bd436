public import ZhangguiServices

/// 中通 ZOP over HTTPS: takes an e-waybill number (`zto.open.createOrder`, partnerType 2, orderType 1 全网件),
/// cancels it (`zto.open.cancelPreOrder`) and subscribes a waybill's tracking pushes
/// (`zto.merchant.waybill.track.subsrcibe`, the API's own spelling).
///
/// Each parcel is sent with its request key as `partnerOrderCode`; ZOP answers a code it has seen with the number it
/// gave first.
public struct ZTOClient: CourierClient {
    public let settings: ZTOSettings
    let transport: any HTTPTransport

    public var carrierCode: String { "ZTO" }

    public init(settings: ZTOSettings, transport: any HTTPTransport = CurlTransport()) {
        self.settings = settings
        self.transport = transport
    }

    public func issueWaybill(for parcel: CourierParcel) throws(CourierError) -> IssuedWaybill {
        let result = try call("zto.open.createOrder", body: ZTOMessages.createOrder(parcel, settings: settings))
        guard let number = result["billCode"]?.text, !number.isEmpty else {
            throw CourierError(code: .unreadableAnswer, courierCode: carrierCode, detail: "result.billCode is missing")
        }
        let mark = result["bigMarkInfo"]?["mark"]?.text.flatMap { $0.isEmpty ? nil : $0 }
        let bag = result["bigMarkInfo"]?["bagAddr"]?.text.flatMap { $0.isEmpty ? nil : $0 }
        return IssuedWaybill(number: number, sortCode: mark, bagCentre: bag)
    }

    public func cancelWaybill(_ waybillNumber: String, requestKey: String) throws(CourierError) {
        let body = JSONValue.object(["cancelType": .string("1"), "billCode": .string(waybillNumber)])
        _ = try call("zto.open.cancelPreOrder", body: body)
    }

    /// Asks ZOP to push `waybillNumber`'s steps; `phoneTail` is the last four digits of the receiver's mobile.
    public func subscribeTracking(_ waybillNumber: String, phoneTail: String) throws(CourierError) {
        let body = JSONValue.object(["billCode": .string(waybillNumber), "mobilePhone": .string(phoneTail)])
        _ = try call("zto.merchant.waybill.track.subsrcibe", body: body)
    }

    /// Sends one signed call and returns `result` of a successful answer.
    private func call(_ api: String, body: JSONValue) throws(CourierError) -> JSONValue {
        let text = body.serialized()
        let request = OutboundRequest.postJSON(
            settings.endpoint + "/" + api,
            json: text,
            headers: [
                "x-appKey": settings.appKey,
                "x-dataDigest": ZTOSigner.dataDigest(body: text, appSecret: settings.appSecret),
            ]
        )
        let response: OutboundResponse
        do {
            response = try transport.send(request)
        } catch {
            throw CourierError(code: .unreachable, courierCode: carrierCode, detail: error.description)
        }
        guard response.status == 200 else {
            throw CourierError(code: .unreachable, courierCode: carrierCode, detail: "HTTP \(response.status)")
        }
        guard let answer = try? JSONValue.parse(bytes: response.body), answer.object != nil else {
            throw CourierError(code: .unreadableAnswer, courierCode: carrierCode, detail: "the answer is not JSON")
        }
        guard answer["status"]?.bool == true else {
            let code = answer["statusCode"]?.text ?? ""
            let message = answer["message"]?.text ?? ""
            throw CourierError(code: .refused, courierCode: carrierCode, detail: "\(code) \(message)")
        }
        return answer["result"] ?? .null
    }
}

/// The JSON bodies ZOP takes.
enum ZTOMessages {
    static func createOrder(_ parcel: CourierParcel, settings: ZTOSettings) -> JSONValue {
        .object([
            "partnerType": .string("2"),
            "orderType": .string("1"),
            "partnerOrderCode": .string(parcel.requestKey),
            "accountInfo": .object([
                "accountId": .string(settings.accountID),
                "accountPassword": .string(settings.accountPassword),
                "type": .int(1),
            ]),
            "senderInfo": .object([
                "senderName": .string(parcel.sender.name),
                "senderMobile": .string(parcel.sender.mobile),
                "senderProvince": .string(parcel.sender.province),
                "senderCity": .string(parcel.sender.city),
                "senderDistrict": .string(parcel.sender.district),
                "senderAddress": .string(parcel.sender.address),
            ]),
            "receiveInfo": .object([
                "receiverName": .string(parcel.receiver.name),
                "receiverMobile": .string(parcel.receiver.mobile),
                "receiverProvince": .string(parcel.receiver.province),
                "receiverCity": .string(parcel.receiver.city),
                "receiverDistrict": .string(parcel.receiver.district),
                "receiverAddress": .string(parcel.receiver.address),
            ]),
            "summaryInfo": .object(["quantity": .int(1)]),
            "orderItems": .array(
                parcel.items.map { .object(["name": .string($0.name), "quantity": .int($0.count)]) }
            ),
        ])
    }
}
