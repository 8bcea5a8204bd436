import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP

/// 小红书: one URL, `POST /ark/open_api/v3/common_controller` with every parameter in a JSON body, MD5 of
/// `<method>?appId=…&timestamp=…&version=2.0` + appSecret in lower-case hex; answers
/// `{success, error_code, error_msg, data}` (specs/platform-apis.md §6).
struct XHSGateway: Gateway {
    let platform = Platform.xiaohongshu
    let paths: [(HTTPMethod, String)] = [(.post, "/ark/open_api/v3/common_controller")]

    func parse(_ request: HTTPRequest) throws(GatewayError) -> GatewayCall {
        guard let body = request.jsonObject else { throw .invalidParameter("body", "the body must be a JSON object") }
        let parameters = GatewayParameters(body)
        guard let method = parameters.string("method"), !method.isEmpty else { throw .missingParameter("method") }
        return GatewayCall(
            apiMethod: method,
            appKey: parameters.string("appId"),
            accessToken: parameters.string("accessToken"),
            timestampMillis: parameters.string("timestamp").flatMap { Int64($0) }.map { $0 * 1000 },
            signature: parameters.string("sign"),
            parameters: parameters
        )
    }

    func isSignatureValid(_ call: GatewayCall, request: HTTPRequest, shop: SimShop) -> Bool {
        let expected = XHSSigner.sign(
            method: call.apiMethod,
            appID: shop.appKey,
            timestamp: call.parameters.string("timestamp") ?? "",
            version: call.parameters.string("version") ?? "2.0",
            appSecret: shop.appSecret
        )
        return expected == call.signature
    }

    func isPublic(_ apiMethod: String) -> Bool { apiMethod.hasPrefix("oauth.") }

    func handle(_ call: GatewayCall, shopID: String?, world: SimWorld) throws(GatewayError) -> JSONValue {
        let context = XHSContext(call: call, shopID: shopID ?? "", world: world)
        let data: JSONValue
        switch call.apiMethod {
        case "order.getOrderList": data = try context.orderList()
        case "order.getOrderDetail": data = try context.detail()
        case "order.getOrderReceiverInfo": data = try context.receivers()
        case "afterSale.listAfterSaleInfos": data = try context.afterSales()
        case "order.orderDeliver": data = try context.deliver()
        case "inventory.syncSkuStock": data = try context.syncStock()
        case "data.batchDecrypt": data = try context.batchDecrypt()
        case "oauth.getAccessToken": data = try context.createToken()
        case "oauth.refreshToken": data = try context.refreshToken()
        default: throw .unknownMethod(call.apiMethod)
        }
        return .object(["success": .bool(true), "error_code": .int(0), "error_msg": .string(""), "data": data])
    }

    func failure(_ error: GatewayError, call: GatewayCall?) -> HTTPResponse {
        let (code, message) = Self.describe(error)
        return GatewayRunner.json(
            .object(["success": .bool(false), "error_code": .int(code), "error_msg": .string(message), "data": .null])
        )
    }

    /// Every code here is the simulator's choice: the spec leaves 小红书's error codes unconfirmed.
    private static func describe(_ error: GatewayError) -> (Int, String) {
        switch error {
        case .missingParameter(let name): (-1001, "缺少参数:\(name)")
        case .invalidParameter(let name, let why): (-1001, "参数错误:\(name) \(why)")
        case .missingAppKey, .invalidAppKey: (-1002, "appId无效")
        case .invalidTimestamp: (-1003, "timestamp无效")
        case .missingSignature, .invalidSignature: (-1004, "签名错误")
        case .missingToken, .tokenInvalid: (-1005, "accessToken无效")
        case .tokenExpired: (-1006, "accessToken已过期")
        case .rateLimited(let seconds, _, _): (-1007, "请求过于频繁,请\(seconds)秒后重试")
        case .unknownMethod(let method): (-1008, "方法不存在:\(method)")
        case .refused(let why): (-1009, why)
        case .notFound(let what): (-1009, what)
        case .platformCode(let code, let why): (code, why)
        }
    }
}
