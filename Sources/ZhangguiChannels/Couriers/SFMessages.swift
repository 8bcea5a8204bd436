import ZhangguiServices

/// The JSON 顺丰 丰桥 exchanges: the create-order message, and the envelopes of its answers
/// (`apiResultCode` A1000, then `apiResultData` with `success` and `errorCode` S0000).
enum SFMessages {
    static let courierCode = "SF"

    /// The `msgData` of `EXP_RECE_CREATE_ORDER` for `parcel`: sender (contactType 1) and receiver (2), cargo, and
    /// the request key as `orderId`.
    static func createOrder(_ parcel: CourierParcel, settings: SFSettings) -> JSONValue {
        var message: [String: JSONValue] = [
            "language": .string("zh-CN"),
            "orderId": .string(parcel.requestKey),
            "contactInfoList": .array([contact(parcel.sender, type: 1), contact(parcel.receiver, type: 2)]),
            "cargoDetails": .array(
                parcel.items.map { .object(["name": .string($0.name), "count": .int($0.count), "unit": .string("件")]) }
            ),
            "expressTypeId": .int(Int64(settings.expressTypeID)),
            "payMethod": .int(settings.monthlyCard.isEmpty ? 2 : 1),
            "parcelQty": .int(1),
            "totalWeight": .number(kilograms(parcel.weightGrams)),
            "isReturnRoutelabel": .int(1),
        ]
        if !settings.monthlyCard.isEmpty { message["monthlyCard"] = .string(settings.monthlyCard) }
        return .object(message)
    }

    static func contact(_ contact: CourierContact, type: Int64) -> JSONValue {
        .object([
            "contactType": .int(type),
            "contact": .string(contact.name),
            "mobile": .string(contact.mobile),
            "country": .string("CN"),
            "province": .string(contact.province),
            "city": .string(contact.city),
            "county": .string(contact.district),
            "address": .string(contact.address),
        ])
    }

    /// Grams as kilograms with three decimals, the way 丰桥 weighs.
    static func kilograms(_ grams: Int64) -> String {
        let fraction = String(grams % 1000)
        return "\(grams / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    /// A request id unique per call, in UUID form, from what the call carries.
    static func requestID(serviceCode: String, text: String, timestamp: String) -> String {
        let hex = SigningDigest.hex(SigningDigest.md5(serviceCode + timestamp + text), uppercase: false)
        let bytes = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(bytes[$0]) }.joined(separator: "-")
    }

    /// The `msgData` of a successful answer; a refusal becomes ``CourierError`` with 丰桥's code and message.
    static func messageData(of body: [UInt8]) throws(CourierError) -> JSONValue {
        func unreadable(_ detail: String) -> CourierError {
            CourierError(code: .unreadableAnswer, courierCode: courierCode, detail: detail)
        }
        guard let envelope = try? JSONValue.parse(bytes: body), envelope.object != nil else {
            throw unreadable("the answer is not a JSON object")
        }
        let resultCode = envelope["apiResultCode"]?.text ?? ""
        guard resultCode == "A1000" else {
            let message = envelope["apiErrorMsg"]?.text ?? ""
            throw CourierError(code: .refused, courierCode: courierCode, detail: "\(resultCode) \(message)")
        }
        // Older gateways send apiResultData as a JSON text, newer ones as an object.
        var result = envelope["apiResultData"] ?? .null
        if let text = result.text, let parsed = try? JSONValue.parse(text) { result = parsed }
        guard result.object != nil else { throw unreadable("apiResultData is missing") }
        guard result["success"]?.bool == true else {
            let code = result["errorCode"]?.text ?? ""
            let message = result["errorMsg"]?.text ?? ""
            throw CourierError(code: .refused, courierCode: courierCode, detail: "\(code) \(message)")
        }
        return result["msgData"] ?? .null
    }

    /// The mother waybill of a create-order answer with its routing label (destRouteLabel = 大头笔, codingMapping =
    /// the 集包 mapping code).
    static func issuedWaybill(from data: JSONValue) throws(CourierError) -> IssuedWaybill {
        let numbers = data["waybillNoInfoList"]?.array ?? []
        let mother = numbers.first { $0["waybillType"]?.int64 == 1 } ?? numbers.first
        guard let number = mother?["waybillNo"]?.text, !number.isEmpty else {
            throw CourierError(
                code: .unreadableAnswer,
                courierCode: courierCode,
                detail: "msgData.waybillNoInfoList holds no waybillNo"
            )
        }
        let label = (data["routeLabelInfo"]?.array ?? []).first?["routeLabelData"]
        let sortCode = label?["destRouteLabel"]?.text.flatMap { $0.isEmpty ? nil : $0 }
        let bagCentre = label?["codingMapping"]?.text.flatMap { $0.isEmpty ? nil : $0 }
        return IssuedWaybill(number: number, sortCode: sortCode, bagCentre: bagCentre)
    }
}
