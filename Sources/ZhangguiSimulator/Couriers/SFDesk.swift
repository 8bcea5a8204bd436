import ZhangguiChannels
import ZhangguiHTTP

/// 顺丰 丰桥's `std/service` gateway: a form of `partnerID, requestID, serviceCode, timestamp, msgDigest, msgData`,
/// answered in the envelope `{apiResultCode, apiErrorMsg, apiResponseID, apiResultData}` with `apiResultData` as a
/// JSON text, the way the older gateways send it.
///
/// Refusals: A1001 a field missing, A1004 an unknown partner or service, A1006 a wrong digest (丰桥's gateway codes);
/// business refusals inside `apiResultData` use the simulator's own codes SIM400 (a field) and SIM404 (no such
/// order), since the spec lists none.
struct SFDesk: Sendable {
    let desk: CourierDesk

    func respond(_ request: HTTPRequest) -> HTTPResponse {
        guard desk.isUp("SF") else { return CourierWire.unavailable }
        let fields = request.formFields
        for name in ["partnerID", "requestID", "serviceCode", "timestamp", "msgDigest", "msgData"] {
            guard let value = fields[name], !value.isEmpty else { return gateway("A1001", "必传参数不可为空: \(name)") }
        }
        let (partner, timestamp, data) = (fields["partnerID"]!, fields["timestamp"]!, fields["msgData"]!)
        guard let checkWord = desk.sfCheckWord(partnerID: partner) else {
            return gateway("A1004", "无对应服务权限")
        }
        let expected = SFSigner.messageDigest(messageData: data, timestamp: timestamp, checkWord: checkWord)
        guard fields["msgDigest"] == expected else { return gateway("A1006", "数字签名无效") }
        guard let message = try? JSONValue.parse(data), message.object != nil else {
            return business("SIM400", "msgData is not a JSON object")
        }
        switch fields["serviceCode"]! {
        case "EXP_RECE_CREATE_ORDER": return createOrder(message)
        case "EXP_RECE_UPDATE_ORDER": return updateOrder(message)
        case "EXP_RECE_SEARCH_ROUTES": return searchRoutes(message)
        default: return gateway("A1004", "无对应服务权限")
        }
    }

    private func createOrder(_ message: JSONValue) -> HTTPResponse {
        guard let orderID = message["orderId"]?.text, !orderID.isEmpty else { return business("SIM400", "orderId") }
        let contacts = message["contactInfoList"]?.array ?? []
        guard let receiver = contacts.first(where: { $0["contactType"]?.int64 == 2 }) else {
            return business("SIM400", "contactInfoList has no contactType 2 (receiver)")
        }
        for field in ["contact", "province", "city", "address"] where (receiver[field]?.text ?? "").isEmpty {
            return business("SIM400", "receiver \(field) is empty")
        }
        let waybill = desk.issue(
            courier: "SF",
            requestKey: orderID,
            province: receiver["province"]?.text ?? "",
            city: receiver["city"]?.text ?? ""
        )
        let label = JSONValue.object([
            "waybillNo": .string(waybill.number),
            "destRouteLabel": .string(waybill.sortCode),
            "codingMapping": .string(waybill.bagCentre),
        ])
        return success([
            "orderId": .string(orderID),
            "filterResult": .int(2),
            "waybillNoInfoList": .array([.object(["waybillType": .int(1), "waybillNo": .string(waybill.number)])]),
            "routeLabelInfo": .array([.object(["code": .string("1000"), "routeLabelData": label])]),
        ])
    }

    private func updateOrder(_ message: JSONValue) -> HTTPResponse {
        guard let orderID = message["orderId"]?.text, !orderID.isEmpty else { return business("SIM400", "orderId") }
        guard message["dealType"]?.int64 == 2 else { return business("SIM400", "dealType must be 2 (cancel)") }
        guard desk.cancel(courier: "SF", where: { $0.requestKey == orderID }) != nil else {
            return business("SIM404", "no live order \(orderID)")
        }
        return success(["orderId": .string(orderID), "resStatus": .int(2)])
    }

    private func searchRoutes(_ message: JSONValue) -> HTTPResponse {
        let numbers = (message["trackingNumber"]?.array ?? []).compactMap(\.text)
        let known = desk.waybills().filter { $0.courier == "SF" && numbers.contains($0.number) }
        let answers = known.map { waybill in
            JSONValue.object([
                "mailNo": .string(waybill.number),
                "routes": .array(
                    waybill.route.map { step in
                        .object([
                            "acceptTime": .string(step.time),
                            "acceptAddress": .string(""),
                            "remark": .string(step.remark),
                            "opCode": .string(step.action),
                        ])
                    }
                ),
            ])
        }
        return success(["routeResps": .array(answers)])
    }

    private func success(_ data: [String: JSONValue]) -> HTTPResponse {
        let result = JSONValue.object([
            "success": .bool(true), "errorCode": .string("S0000"), "errorMsg": .null, "msgData": .object(data),
        ])
        return envelope(code: "A1000", message: "", result: result)
    }

    private func business(_ code: String, _ message: String) -> HTTPResponse {
        let result = JSONValue.object([
            "success": .bool(false), "errorCode": .string(code), "errorMsg": .string(message), "msgData": .null,
        ])
        return envelope(code: "A1000", message: "", result: result)
    }

    private func gateway(_ code: String, _ message: String) -> HTTPResponse {
        envelope(code: code, message: message, result: .null)
    }

    private func envelope(code: String, message: String, result: JSONValue) -> HTTPResponse {
        CourierWire.json(
            .object([
                "apiResultCode": .string(code),
                "apiErrorMsg": .string(message),
                "apiResponseID": .string("SIM"),
                "apiResultData": result == .null ? .null : .string(result.serialized()),
            ])
        )
    }
}

/// What both simulated couriers write the same way.
enum CourierWire {
    static let unavailable = HTTPResponse(
        status: .serviceUnavailable,
        headers: ["Content-Type": "text/plain; charset=utf-8"],
        body: Array("Service Unavailable".utf8)
    )

    static func json(_ value: JSONValue) -> HTTPResponse {
        HTTPResponse(
            status: .ok,
            headers: ["Content-Type": HTTPResponse.jsonContentType],
            body: Array(value.serialized().utf8)
        )
    }
}
