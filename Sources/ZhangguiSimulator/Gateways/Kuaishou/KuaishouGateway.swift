import Foundation
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP

/// 快手小店: `/<method with / for .>`, form fields (`param` the business JSON), MD5 (hex) or HMAC_SHA256 (Base64)
/// over seven fixed keys with the sign secret; answers `{result: 1, error_msg, data}` (specs/platform-apis.md §5).
/// OAuth at `/oauth2/access_token` (GET) and `/oauth2/refresh_token` (POST).
struct KuaishouGateway: Gateway {
    let platform = Platform.kuaishou
    static let methods = [
        "open.order.cursor.list", "open.order.detail", "open.seller.order.refund.pcursor.list",
        "open.seller.order.goods.deliver", "open.item.sku.stock.update",
        "open.item.get",
    ]
    let paths: [(HTTPMethod, String)] = methods.flatMap { method in
        let path = "/" + method.replacingOccurrences(of: ".", with: "/")
        return [(HTTPMethod.get, path), (HTTPMethod.post, path)]
    }

    func parse(_ request: HTTPRequest) throws(GatewayError) -> GatewayCall {
        let fields = request.formFields
        let fromPath = String(request.path.dropFirst()).replacingOccurrences(of: "/", with: ".")
        let method = fields["method"] ?? fromPath
        guard method == fromPath else { throw .invalidParameter("method", "method does not match the path") }
        let param = fields["param"] ?? "{}"
        guard let business = (try? JSONValue.parse(param.isEmpty ? "{}" : param))?.object else {
            throw .invalidParameter("param", "param must be a JSON object")
        }
        return GatewayCall(
            apiMethod: method,
            appKey: fields["appkey"],
            accessToken: fields["access_token"],
            timestampMillis: fields["timestamp"].flatMap { Int64($0) },
            signature: fields["sign"],
            parameters: GatewayParameters(business)
        )
    }

    /// Signed with the shop's sign secret, by `signMethod` (MD5 when absent).
    func isSignatureValid(_ call: GatewayCall, request: HTTPRequest, shop: SimShop) -> Bool {
        let fields = request.formFields.values
        guard let method = KuaishouSignMethod(rawValue: fields["signMethod"] ?? "MD5") else { return false }
        return KuaishouSigner.sign(fields, signSecret: shop.signSecret, method: method) == call.signature
    }

    func isPublic(_ apiMethod: String) -> Bool { false }

    func handle(_ call: GatewayCall, shopID: String?, world: SimWorld) throws(GatewayError) -> JSONValue {
        let context = KuaishouContext(call: call, shopID: shopID ?? "", world: world)
        let data: JSONValue
        switch call.apiMethod {
        case "open.order.cursor.list": data = try context.cursorList()
        case "open.order.detail": data = try context.detail()
        case "open.seller.order.refund.pcursor.list": data = try context.refunds()
        case "open.seller.order.goods.deliver": data = try context.deliver()
        case "open.item.sku.stock.update": data = try context.updateStock()
        case "open.item.get": data = try context.item()
        default: throw .unknownMethod(call.apiMethod)
        }
        return .object(["result": .int(1), "error_msg": .string(""), "data": data])
    }

    func failure(_ error: GatewayError, call: GatewayCall?) -> HTTPResponse {
        let (code, message) = Self.describe(error)
        return GatewayRunner.json(.object(["result": .int(code), "error_msg": .string(message)]))
    }

    /// The messages "鉴权失败"/"TOKEN过期" and "Exceed qps limit, KEY [apiId:…], MAX_QPS [n]" are documented; the
    /// numeric `result` codes other than 1 and 300004/300005 are the simulator's choice.
    private static func describe(_ error: GatewayError) -> (Int, String) {
        switch error {
        case .missingParameter(let name): (21, "参数缺失:\(name)")
        case .invalidParameter(let name, let why): (21, "参数错误:\(name) \(why)")
        case .missingAppKey, .invalidAppKey: (24, "appkey无效")
        case .invalidTimestamp: (25, "timestamp无效或已过期")
        case .missingSignature, .invalidSignature: (26, "签名验证失败")
        case .missingToken, .tokenInvalid: (28, "鉴权失败")
        case .tokenExpired: (28, "鉴权失败:TOKEN过期")
        case .rateLimited(_, let limit, let method):
            (1016, "Exceed qps limit, KEY [apiId:\(method)], MAX_QPS [\(limit)]")
        case .unknownMethod(let method): (22, "API不存在:\(method)")
        case .refused(let why): (30, why)
        case .notFound(let what): (30, what)
        case .platformCode(let code, let why): (code, why)
        }
    }

    func extraRoutes(world: SimWorld, into router: inout Router) {
        router.add(.get, "/oauth2/access_token", summary: "快手 OAuth: code → token") { request in
            KuaishouOAuth.endpoints.accessToken(request, world: world)
        }
        router.add(.post, "/oauth2/refresh_token", summary: "快手 OAuth: refresh") { request in
            KuaishouOAuth.endpoints.refreshToken(request, world: world)
        }
    }
}

/// 快手 OAuth endpoints.
enum KuaishouOAuth {
    static let endpoints = SimOAuth(
        platform: .kuaishou,
        appKeyField: "app_id",
        codeGrantType: "code",
        badApp: .init(code: 100_200_100, message: "APPID_SECRET_ERROR"),
        badCodeRequest: .init(code: 100_200_101, message: "grant_type或code错误"),
        badCode: .init(code: 100_200_102, message: "AUTHCODE_ERROR"),
        badRefreshRequest: .init(code: 100_200_101, message: "grant_type或refresh_token错误"),
        badRefresh: .init(code: 100_200_103, message: "refreshToken.discarded"),
        answer: { grant, now in
            .object([
                "result": .int(1), "access_token": .string(grant.accessToken),
                "expires_in": .int((grant.accessExpiresMillis - now) / 1000),
                "refresh_token": .string(grant.refreshToken),
                "refresh_token_expires_in": .int((grant.refreshExpiresMillis - now) / 1000),
                "open_id": .string(grant.shopID), "scopes": .array([.string("merchant_order")]),
            ])
        },
        failure: { .object(["result": .int($0.code), "error": .string($0.message), "error_msg": .string($0.message)]) }
    )
}
