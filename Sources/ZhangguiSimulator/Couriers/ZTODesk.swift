import ZhangguiChannels
import ZhangguiHTTP

/// 中通 ZOP: `POST /<api>` with a JSON body, `x-appKey` and `x-dataDigest` headers, answered
/// `{status, statusCode, message, result}`.
///
/// Refusals: S211 a digest that does not match (or an unknown app key, whose digest cannot match), E404 an
/// e-waybill account that is not bound (unknown id or wrong password) — ZOP's codes; SIM400 (a field) and SIM404
/// (no such waybill) are the simulator's own, since the spec lists none for them.
struct ZTODesk: Sendable {
    let desk: CourierDesk

    static let apis = ["zto.open.createOrder", "zto.open.cancelPreOrder", "zto.merchant.waybill.track.subsrcibe"]

    func respond(_ request: HTTPRequest, api: String) -> HTTPResponse {
        guard desk.isUp("ZTO") else { return CourierWire.unavailable }
        let body = String(decoding: request.body, as: UTF8.self)
        let appKey = request.headers["x-appKey"] ?? request.headers["x-companyid"] ?? ""
        guard let secret = desk.ztoSecret(appKey: appKey),
            request.headers["x-dataDigest"] == ZTOSigner.dataDigest(body: body, appSecret: secret)
        else { return failure("S211", "签名错误") }
        guard let message = try? JSONValue.parse(body), message.object != nil else {
            return failure("SIM400", "the body is not a JSON object")
        }
        switch api {
        case "zto.open.createOrder": return createOrder(message)
        case "zto.open.cancelPreOrder": return cancel(message)
        default: return subscribe(message)
        }
    }

    private func createOrder(_ message: JSONValue) -> HTTPResponse {
        let account = message["accountInfo"]
        let accountID = account?["accountId"]?.text ?? ""
        let password = desk.ztoPassword(accountID: accountID)
        guard let password, password == account?["accountPassword"]?.text else {
            return failure("E404", "未绑定电子面单账号")
        }
        guard let code = message["partnerOrderCode"]?.text, !code.isEmpty else {
            return failure("SIM400", "partnerOrderCode is empty")
        }
        let receiver = message["receiveInfo"]
        for field in ["receiverName", "receiverMobile", "receiverProvince", "receiverCity", "receiverAddress"]
        where (receiver?[field]?.text ?? "").isEmpty {
            return failure("SIM400", "receiveInfo.\(field) is empty")
        }
        let waybill = desk.issue(
            courier: "ZTO",
            requestKey: code,
            province: receiver?["receiverProvince"]?.text ?? "",
            city: receiver?["receiverCity"]?.text ?? ""
        )
        return success(
            .object([
                "billCode": .string(waybill.number),
                "orderCode": .string("ZTO-" + code),
                "partnerOrderCode": .string(code),
                "siteCode": .string("02100"),
                "siteName": .string("模拟网点"),
                "bigMarkInfo": .object(["mark": .string(waybill.sortCode), "bagAddr": .string(waybill.bagCentre)]),
            ])
        )
    }

    private func cancel(_ message: JSONValue) -> HTTPResponse {
        let billCode = message["billCode"]?.text ?? ""
        let orderCode = message["orderCode"]?.text ?? ""
        let cancelled = desk.cancel(courier: "ZTO") { waybill in
            (!billCode.isEmpty && waybill.number == billCode)
                || (!orderCode.isEmpty && "ZTO-" + waybill.requestKey == orderCode)
        }
        guard cancelled != nil else { return failure("SIM404", "no live waybill \(billCode)\(orderCode)") }
        return success(.bool(true))
    }

    private func subscribe(_ message: JSONValue) -> HTTPResponse {
        let billCode = message["billCode"]?.text ?? ""
        guard desk.waybills().contains(where: { $0.courier == "ZTO" && $0.number == billCode }) else {
            return failure("SIM404", "no waybill \(billCode)")
        }
        return success(.bool(true))
    }

    private func success(_ result: JSONValue) -> HTTPResponse {
        CourierWire.json(
            .object([
                "status": .bool(true), "statusCode": .string("0000"), "message": .string("成功"), "result": result,
            ])
        )
    }

    private func failure(_ code: String, _ message: String) -> HTTPResponse {
        CourierWire.json(.object(["status": .bool(false), "statusCode": .string(code), "message": .string(message)]))
    }
}
