import Foundation
import Synchronization
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP

/// 淘宝/天猫 TOP: `POST|GET /router/rest`, form fields, MD5 / HMAC-MD5 / HMAC-SHA256 signatures in upper-case hex,
/// answers under `<method>_response` and errors under `error_response` (specs/platform-apis.md §1).
struct TOPGateway: Gateway {
    let platform = Platform.taobao
    let paths: [(HTTPMethod, String)] = [(.get, "/router/rest"), (.post, "/router/rest")]

    func parse(_ request: HTTPRequest) throws(GatewayError) -> GatewayCall {
        let fields = request.formFields
        guard let method = fields["method"], !method.isEmpty else { throw .missingParameter("method") }
        if let format = fields["format"], format != "json" {
            throw .invalidParameter("format", "the simulator answers format=json only")
        }
        return GatewayCall(
            apiMethod: method,
            appKey: fields["app_key"],
            accessToken: fields["session"],
            timestampMillis: fields["timestamp"].flatMap { try? PlatformTimestamp.millis(gmt8Text: $0) },
            signature: fields["sign"],
            parameters: GatewayParameters(form: fields)
        )
    }

    /// Every field but `sign` is signed; the algorithm is the one `sign_method` names (absent = md5). The legacy
    /// secret-prefix-only MD5 is refused.
    func isSignatureValid(_ call: GatewayCall, request: HTTPRequest, shop: SimShop) -> Bool {
        let fields = request.formFields.values
        guard let method = TOPSignMethod(rawValue: fields["sign_method"] ?? "md5") else { return false }
        return TOPSigner.sign(fields, secret: shop.appSecret, method: method) == call.signature
    }

    func isPublic(_ apiMethod: String) -> Bool {
        apiMethod == "taobao.top.auth.token.create" || apiMethod == "taobao.top.auth.token.refresh"
    }

    func handle(_ call: GatewayCall, shopID: String?, world: SimWorld) throws(GatewayError) -> JSONValue {
        let context = TOPContext(call: call, shopID: shopID ?? "", world: world)
        let result: JSONValue
        switch call.apiMethod {
        case "taobao.trades.sold.increment.get": result = try context.tradesByModified()
        case "taobao.trades.sold.get": result = try context.tradesByCreated()
        case "taobao.trade.fullinfo.get": result = try context.fullTrade()
        case "taobao.refunds.receive.get": result = try context.refunds()
        case "taobao.refund.get": result = try context.refund()
        case "taobao.logistics.offline.send": result = try context.sendOffline()
        case "taobao.item.seller.get": result = try context.sellerItem()
        case "taobao.item.quantity.update": result = try context.updateQuantity()
        case "taobao.skus.quantity.update": result = try context.updateSkuQuantities()
        case "taobao.top.auth.token.create": result = try context.createToken()
        case "taobao.top.auth.token.refresh": result = try context.refreshToken()
        case "cainiao.waybill.ii.get": result = try context.cainiaoWaybill()
        case "cainiao.waybill.ii.cancel": result = try context.cainiaoCancel()
        default: throw .unknownMethod(call.apiMethod)
        }
        return .object([Self.responseRoot(call.apiMethod): result])
    }

    /// `taobao.trades.sold.increment.get` → `trades_sold_increment_get_response`.
    static func responseRoot(_ apiMethod: String) -> String {
        let name = apiMethod.hasPrefix("taobao.") ? String(apiMethod.dropFirst("taobao.".count)) : apiMethod
        return name.replacingOccurrences(of: ".", with: "_") + "_response"
    }

    /// `error_response{code, msg, sub_code, sub_msg, request_id}` with HTTP 200, as TOP answers.
    func failure(_ error: GatewayError, call: GatewayCall?) -> HTTPResponse {
        let (code, message, subCode, subMessage) = Self.describe(error)
        var members: [String: JSONValue] = [
            "code": .int(code), "msg": .string(message), "request_id": .string(RequestNumbers.next()),
        ]
        if let subCode { members["sub_code"] = .string(subCode) }
        if let subMessage { members["sub_msg"] = .string(subMessage) }
        return GatewayRunner.json(.object(["error_response": .object(members)]))
    }

    private static func describe(_ error: GatewayError) -> (Int, String, String?, String?) {
        switch error {
        case .missingParameter(let name): (40, "Missing required arguments:\(name)", nil, nil)
        case .invalidParameter(let name, let why): (41, "Invalid arguments:\(name)", "isv.invalid-parameter", why)
        case .missingAppKey: (28, "Missing app key", nil, nil)
        case .invalidAppKey: (29, "Invalid app Key", nil, nil)
        case .invalidTimestamp: (31, "Invalid timestamp", nil, nil)
        case .missingSignature: (24, "Missing signature", nil, nil)
        case .invalidSignature: (25, "Invalid signature", nil, nil)
        case .missingToken: (26, "Missing session", nil, nil)
        case .tokenExpired: (27, "Invalid session", "session-expired", "SessionKey已过期")
        case .tokenInvalid: (27, "Invalid session", "invalid-sessionkey", "SessionKey非法")
        case .rateLimited(let seconds, _, _):
            (
                7, "App Call Limited", "accesscontrol.limited-by-app-access-count",
                "This ban will last for \(seconds) more seconds"
            )
        case .unknownMethod: (22, "Invalid method", nil, nil)
        case .refused(let why): (15, "Remote service error", "isv.business-refused", why)
        case .notFound(let what): (15, "Remote service error", "isv.not-exist", what)
        case .platformCode(let code, let why): (code, why, nil, nil)
        }
    }
}

/// Request ids for error answers: unique within a run.
enum RequestNumbers {
    private static let counter = Counter()

    static func next() -> String {
        "sim" + String(counter.next(), radix: 36)
    }

    private final class Counter: Sendable {
        private let value = Mutex<Int64>(0)

        func next() -> Int64 {
            value.withLock { value in
                value += 1
                return value
            }
        }
    }
}
