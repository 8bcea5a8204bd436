import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP

/// One platform's gateway: how it reads a call, checks its signature, answers it and writes its errors.
protocol Gateway: Sendable {
    var platform: Platform { get }

    /// The paths the gateway answers on; each goes through ``GatewayRunner``.
    var paths: [(HTTPMethod, String)] { get }

    /// Reads the system and business parameters of a request.
    func parse(_ request: HTTPRequest) throws(GatewayError) -> GatewayCall

    /// Whether the call's signature is the one the platform computes with the shop's secrets.
    func isSignatureValid(_ call: GatewayCall, request: HTTPRequest, shop: SimShop) -> Bool

    /// APIs that need no access token (token creation and refresh).
    func isPublic(_ apiMethod: String) -> Bool

    /// Answers a call that passed the common checks; `shopID` is the token's shop (nil for public APIs).
    func handle(_ call: GatewayCall, shopID: String?, world: SimWorld) throws(GatewayError) -> JSONValue

    /// The platform's error answer.
    func failure(_ error: GatewayError, call: GatewayCall?) -> HTTPResponse

    /// Routes the gateway answers outside the signed pipeline (OAuth token endpoints).
    func extraRoutes(world: SimWorld, into router: inout Router)
}

extension Gateway {
    func extraRoutes(world: SimWorld, into router: inout Router) {}
}

/// The checks every gateway makes in the same order — availability, app key, timestamp, signature, rate limit,
/// token — then the gateway's own handler.
struct GatewayRunner: Sendable {
    let gateway: any Gateway
    let world: SimWorld

    func respond(_ request: HTTPRequest) -> HTTPResponse {
        guard world.availability(of: gateway.platform) == .up else {
            return HTTPResponse(
                status: .serviceUnavailable,
                headers: ["Content-Type": "text/plain; charset=utf-8"],
                body: Array("Service Unavailable".utf8)
            )
        }
        var parsed: GatewayCall?
        do throws(GatewayError) {
            let call = try gateway.parse(request)
            parsed = call
            let body = try run(call, request: request)
            return Self.json(body)
        } catch {
            return gateway.failure(error, call: parsed)
        }
    }

    private func run(_ call: GatewayCall, request: HTTPRequest) throws(GatewayError) -> JSONValue {
        guard let appKey = call.appKey, !appKey.isEmpty else { throw .missingAppKey }
        guard let app = world.shops(platform: gateway.platform, appKey: appKey).first else { throw .invalidAppKey }
        let tolerance = world.limits(for: gateway.platform).timestampToleranceSeconds * 1000
        guard let timestamp = call.timestampMillis, abs(timestamp - world.nowMillis) <= tolerance else {
            throw .invalidTimestamp
        }
        guard let signature = call.signature, !signature.isEmpty else { throw .missingSignature }
        guard gateway.isSignatureValid(call, request: request, shop: app) else { throw .invalidSignature }
        if let wait = world.admit(platform: gateway.platform, appKey: appKey) {
            let limit = world.rateLimit(for: gateway.platform)?.requestsPerSecond ?? 0
            throw .rateLimited(seconds: wait, limit: limit, apiMethod: call.apiMethod)
        }
        guard !gateway.isPublic(call.apiMethod) else {
            return try gateway.handle(call, shopID: nil, world: world)
        }
        guard let token = call.accessToken, !token.isEmpty else { throw .missingToken }
        switch world.checkToken(token, platform: gateway.platform, appKey: appKey) {
        case .valid(let shopID): return try gateway.handle(call, shopID: shopID, world: world)
        case .expired: throw .tokenExpired
        case .invalid: throw .tokenInvalid
        }
    }

    static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: ["Content-Type": HTTPResponse.jsonContentType],
            body: Array(value.serialized().utf8)
        )
    }
}

extension HTTPRequest {
    /// The query parameters, and a form body's fields over them.
    var formFields: FormFields {
        var fields = FormFields(query.map { ($0.name, $0.value ?? "") })
        let type = headers["Content-Type"]?.lowercased() ?? ""
        if !body.isEmpty, type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") {
            fields.merge(FormFields.decode(formBody: body))
        }
        return fields
    }

    /// The body parsed as a JSON object; nil when it is not one.
    var jsonObject: [String: JSONValue]? {
        guard let value = try? JSONValue.parse(bytes: body) else { return nil }
        return value.object
    }
}
