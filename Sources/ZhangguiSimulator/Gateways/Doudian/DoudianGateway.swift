import Foundation
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP

/// 抖店: `POST /<method with / for .>`, system fields in the query, `param_json` as the JSON body, HMAC-SHA256
/// or MD5 signature in lower-case hex; answers `{code, msg, sub_code, sub_msg, log_id, data}` with `code` 10000
/// on success (specs/platform-apis.md §4).
struct DoudianGateway: Gateway {
    let platform = Platform.doudian
    static let methods = [
        "order.searchList", "order.orderDetail", "afterSale.List", "order.logisticsAdd", "sku.syncStock",
        "order.batchDecrypt",
        "token.create", "token.refresh", "logistics.newCreateOrder", "logistics.cancelOrder",
    ]
    let paths: [(HTTPMethod, String)] = methods.map { (.post, "/" + $0.replacingOccurrences(of: ".", with: "/")) }

    func parse(_ request: HTTPRequest) throws(GatewayError) -> GatewayCall {
        let query = FormFields(request.query.map { ($0.name, $0.value ?? "") })
        let fromPath = String(request.path.dropFirst()).replacingOccurrences(of: "/", with: ".")
        let method = query["method"] ?? fromPath
        guard method == fromPath else { throw .invalidParameter("method", "method does not match the path") }
        let body = String(decoding: request.body, as: UTF8.self)
        let business = body.isEmpty ? [:] : ((try? JSONValue.parse(body))?.object ?? nil)
        guard let business else { throw .invalidParameter("param_json", "the body must be a JSON object") }
        return GatewayCall(
            apiMethod: method,
            appKey: query["app_key"],
            accessToken: query["access_token"],
            timestampMillis: query["timestamp"].flatMap(Self.timestamp),
            signature: query["sign"],
            parameters: GatewayParameters(business)
        )
    }

    /// Unix seconds, or the older `yyyy-MM-dd HH:mm:ss` in GMT+8.
    static func timestamp(_ text: String) -> Int64? {
        if let seconds = Int64(text) { return seconds * 1000 }
        return try? PlatformTimestamp.millis(gmt8Text: text)
    }

    /// The signed `param_json` is the body exactly as sent (`{}` when empty); `access_token` is not signed.
    func isSignatureValid(_ call: GatewayCall, request: HTTPRequest, shop: SimShop) -> Bool {
        let query = FormFields(request.query.map { ($0.name, $0.value ?? "") })
        guard let method = DoudianSignMethod(rawValue: query["sign_method"] ?? "md5") else { return false }
        let body = request.body.isEmpty ? "{}" : String(decoding: request.body, as: UTF8.self)
        let expected = DoudianSigner.sign(
            appKey: shop.appKey,
            method: call.apiMethod,
            paramJSON: body,
            timestamp: query["timestamp"] ?? "",
            version: query["v"] ?? "2",
            secret: shop.appSecret,
            signMethod: method
        )
        return expected == call.signature
    }

    func isPublic(_ apiMethod: String) -> Bool { apiMethod.hasPrefix("token.") }

    func handle(_ call: GatewayCall, shopID: String?, world: SimWorld) throws(GatewayError) -> JSONValue {
        let context = DoudianContext(call: call, shopID: shopID ?? "", world: world)
        let data: JSONValue
        switch call.apiMethod {
        case "order.searchList": data = try context.searchList()
        case "order.orderDetail": data = try context.detail()
        case "afterSale.List": data = try context.afterSales()
        case "order.logisticsAdd": data = try context.ship()
        case "sku.syncStock": data = try context.syncStock()
        case "order.batchDecrypt": data = try context.batchDecrypt()
        case "token.create": data = try context.createToken()
        case "token.refresh": data = try context.refreshToken()
        case "logistics.newCreateOrder": data = try context.createEWaybill()
        case "logistics.cancelOrder": data = try context.cancelEWaybill()
        default: throw .unknownMethod(call.apiMethod)
        }
        return .object([
            "code": .int(10_000), "msg": .string("success"), "sub_code": .string(""), "sub_msg": .string(""),
            "log_id": .string(RequestNumbers.next()), "data": data,
        ])
    }

    func failure(_ error: GatewayError, call: GatewayCall?) -> HTTPResponse {
        let (code, message, subCode, subMessage) = Self.describe(error)
        return GatewayRunner.json(
            .object([
                "code": .int(code), "msg": .string(message), "sub_code": .string(subCode),
                "sub_msg": .string(subMessage), "log_id": .string(RequestNumbers.next()), "data": .object([:]),
            ])
        )
    }

    /// Codes and the `isv.*` sub-codes of spec §4.2; the other sub-codes and the texts are the simulator's.
    private static func describe(_ error: GatewayError) -> (Int, String, String, String) {
        switch error {
        case .missingParameter(let name) where ["method", "app_key", "timestamp", "sign"].contains(name):
            (40_001, "缺少系统参数", "isv.missing-parameter:\(name)", "缺少\(name)")
        case .missingParameter(let name): (40_002, "缺少业务参数", "isv.missing-parameter:\(name)", "缺少\(name)")
        case .invalidParameter(let name, let why): (40_004, "业务参数错误", "isv.parameter-invalid:\(name)", why)
        case .missingAppKey: (40_001, "缺少系统参数", "isv.missing-parameter:app_key", "缺少app_key")
        case .invalidAppKey: (40_003, "非法的参数", "isv.app-key-invalid", "app_key不存在")
        case .invalidTimestamp: (40_003, "非法的参数", "isv.timestamp-invalid", "timestamp已过期或格式错误")
        case .missingSignature, .invalidSignature: (40_003, "非法的参数", "isv.signature-invalid", "签名无效")
        case .missingToken, .tokenInvalid: (40_003, "非法的参数", "isv.access-token-no-existed", "access_token不存在")
        case .tokenExpired: (40_003, "非法的参数", "isv.access-token-expired", "access_token已过期")
        case .rateLimited(let seconds, _, _): (60_000, "调用频率超限", "isv.frequency-limit", "请\(seconds)秒后重试")
        case .unknownMethod(let name): (70_000, "API已下线", "isv.method-not-exist", "\(name)不存在")
        case .refused(let why): (50_002, "业务处理失败", "isv.business-failed", why)
        case .notFound(let what): (50_002, "业务处理失败", "isv.business-failed", what)
        case .platformCode(let code, let why): (code, why, "", why)
        }
    }
}
