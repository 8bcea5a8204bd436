import Foundation
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP

/// 京东 JOS: `/routerjson`, system fields plus one `360buy_param_json`, TOP's MD5 signature; answers under
/// `<method>_responce` (sic) with `code` "0", errors under `error_response{code, zh_desc, en_desc}`
/// (specs/platform-apis.md §2). OAuth at `/oauth2/access_token` and `/oauth2/refresh_token`.
struct JDGateway: Gateway {
    let platform = Platform.jd
    let paths: [(HTTPMethod, String)] = [(.get, "/routerjson"), (.post, "/routerjson")]

    func parse(_ request: HTTPRequest) throws(GatewayError) -> GatewayCall {
        let fields = request.formFields
        guard let method = fields["method"], !method.isEmpty else { throw .missingParameter("method") }
        let json = fields["360buy_param_json"] ?? "{}"
        guard let business = (try? JSONValue.parse(json))?.object else {
            throw .invalidParameter("360buy_param_json", "360buy_param_json must be a JSON object")
        }
        return GatewayCall(
            apiMethod: method,
            appKey: fields["app_key"],
            accessToken: fields["access_token"],
            timestampMillis: fields["timestamp"].flatMap { try? PlatformTimestamp.millis(gmt8Text: $0) },
            signature: fields["sign"],
            parameters: GatewayParameters(business)
        )
    }

    func isSignatureValid(_ call: GatewayCall, request: HTTPRequest, shop: SimShop) -> Bool {
        JDSigner.sign(request.formFields.values, secret: shop.appSecret) == call.signature
    }

    func isPublic(_ apiMethod: String) -> Bool { false }

    func handle(_ call: GatewayCall, shopID: String?, world: SimWorld) throws(GatewayError) -> JSONValue {
        let context = JDContext(call: call, shopID: shopID ?? "", world: world)
        var result: [String: JSONValue]
        switch call.apiMethod {
        case "jingdong.pop.order.enSearch", "jingdong.pop.order.search": result = try context.search()
        case "jingdong.pop.order.enGet", "jingdong.pop.order.get": result = try context.detail()
        case "jingdong.pop.afs.soa.refundapply.queryPageList": result = try context.refundApplications()
        case "jingdong.pop.order.shipment": result = try context.ship()
        case "jingdong.stock.write.updateSkuStock": result = try context.updateStock()
        default: throw .unknownMethod(call.apiMethod)
        }
        result["code"] = .string("0")
        return .object([call.apiMethod.replacingOccurrences(of: ".", with: "_") + "_responce": .object(result)])
    }

    func failure(_ error: GatewayError, call: GatewayCall?) -> HTTPResponse {
        let (code, chinese, english) = Self.describe(error)
        return GatewayRunner.json(
            .object([
                "error_response": .object([
                    "code": .string(code), "zh_desc": .string(chinese), "en_desc": .string(english),
                ])
            ])
        )
    }

    /// Gateway codes 2, 8, 11, 12, 14, 15 as JOS documents them, 19 for the token (spec, unconfirmed); the app-key
    /// and argument codes are the simulator's choice.
    private static func describe(_ error: GatewayError) -> (String, String, String) {
        switch error {
        case .missingParameter("method"): ("14", "缺少方法名参数", "Missing Method")
        case .missingParameter(let name): ("60", "缺少参数:\(name)", "Missing Required Arguments:\(name)")
        case .invalidParameter(let name, let why): ("61", "参数错误:\(name) \(why)", "Invalid Arguments:\(name)")
        case .missingAppKey: ("9", "缺少app_key参数", "Missing App Key")
        case .invalidAppKey: ("10", "无效的app_key", "Invalid App Key")
        case .invalidTimestamp: ("8", "非法的时间戳参数", "Invalid Timestamp")
        case .missingSignature: ("11", "缺少签名参数", "Missing Signature")
        case .invalidSignature: ("12", "无效签名", "Invalid Signature")
        case .missingToken, .tokenExpired, .tokenInvalid: ("19", "token已过期或者不存在", "Invalid access_token")
        case .rateLimited(let seconds, _, _):
            ("2", "限制时间内调用失败次数,请\(seconds)秒后再试", "App Call Limited, retry after \(seconds) seconds")
        case .unknownMethod: ("15", "不存在的方法名", "Invalid Method")
        case .refused(let why): ("62", why, "Business Error")
        case .notFound(let what): ("63", what, "Not Found")
        case .platformCode(let code, let why): (String(code), why, why)
        }
    }

    func extraRoutes(world: SimWorld, into router: inout Router) {
        router.add(.get, "/oauth2/access_token", summary: "京东 OAuth: code → token") { request in
            JDOAuth.endpoints.accessToken(request, world: world)
        }
        router.add(.get, "/oauth2/refresh_token", summary: "京东 OAuth: refresh") { request in
            JDOAuth.endpoints.refreshToken(request, world: world)
        }
    }
}

/// JOS OAuth endpoints: plain JSON token answers, `{code, msg}` on failure (field set unconfirmed).
enum JDOAuth {
    static let endpoints = SimOAuth(
        platform: .jd,
        appKeyField: "app_key",
        codeGrantType: "authorization_code",
        badApp: .init(code: 1001, message: "app_key或app_secret错误"),
        badCodeRequest: .init(code: 1002, message: "grant_type或code错误"),
        badCode: .init(code: 1003, message: "code无效或已过期"),
        badRefreshRequest: .init(code: 1002, message: "grant_type或refresh_token错误"),
        badRefresh: .init(code: 1004, message: "refresh_token无效或已过期"),
        answer: { grant, now in
            .object([
                "access_token": .string(grant.accessToken),
                "expires_in": .int((grant.accessExpiresMillis - now) / 1000),
                "refresh_token": .string(grant.refreshToken), "refresh_token_expires": .int(grant.refreshExpiresMillis),
                "time": .int(now), "uid": .string(grant.shopID), "token_type": .string("bearer"),
            ])
        },
        failure: { .object(["code": .int($0.code), "msg": .string($0.message)]) }
    )
}
