import ZhangguiCore
import ZhangguiServices

/// Calls one JOS API: system parameters, `360buy_param_json`, TOP-style MD5 signature, form POST; the
/// `<method>_responce` root or `error_response{code, zh_desc, en_desc}` mapped to ``ChannelError`` (spec §2.1–2.2).
struct JDGateway: Sendable {
    let context: ChannelContext
    let settings: JDSettings

    func call(_ method: String, _ business: [String: JSONValue]) throws(ChannelError) -> WireObject {
        let answer = try context.exchange(signedRequest(method, business), operation: method)
        if let error = answer["error_response"] {
            throw mapError(WireObject(error, path: "error_response"))
        }
        let root = method.replacingAll(".", with: "_") + "_responce"
        guard let body = answer[root] else { throw .malformedResponse(message: "\(method): no \(root) in the answer") }
        let wire = WireObject(body, path: root)
        let code = wire.text("code")
        guard code.isEmpty || code == "0" else { throw mapError(wire) }
        return wire
    }

    func signedRequest(_ method: String, _ business: [String: JSONValue]) -> OutboundRequest {
        var parameters = [
            "method": method, "app_key": context.credentials.appKey,
            "access_token": context.credentials.authorization.accessToken,
            "timestamp": PlatformTimestamp.gmt8Text(millis: context.clock()), "v": "2.0", "format": "json",
            "sign_method": "md5", "360buy_param_json": JDSigner.paramJSON(business),
        ]
        parameters["sign"] = JDSigner.sign(parameters, secret: context.credentials.appSecret)
        let ordered = byteOrdered(parameters.keys).map { ($0, parameters[$0] ?? "") }
        return OutboundRequest.postForm(context.credentials.endpoint, parameters: ordered)
    }

    func mapError(_ error: WireObject) -> ChannelError {
        let code = error.text("code")
        let description = [error.text("zh_desc"), error.text("en_desc")].first { !$0.isEmpty } ?? ""
        let message = context.sanitized(description)
        if settings.authorizationExpiredCodes.contains(code) {
            context.log.log(.warning, "channel.authorization_expired", [("platform", "jd"), ("error.code", code)])
            return .authorizationExpired(code: code, message: message)
        }
        if settings.rateLimitCodes.contains(code) {
            return .rateLimited(retryAfterSeconds: settings.fallbackRetrySeconds, message: message)
        }
        return .rejected(code: code, message: message)
    }
}
