import ZhangguiCore
import ZhangguiServices

/// Calls one TOP API: system parameters, signature, form POST, and the answer's success root or error mapped to
/// ``ChannelError`` (specs/platform-apis.md §1.1–1.3).
struct TOPGateway: Sendable {
    let context: ChannelContext
    let settings: TOPSettings

    /// Calls `method` with `parameters` and returns its success root (`trades_sold_increment_get_response` …).
    func call(_ method: String, _ parameters: [String: String], withSession: Bool = true) throws(ChannelError)
        -> JSONValue
    {
        let request = signedRequest(method, parameters, withSession: withSession)
        let answer = try context.exchange(request, operation: method)
        if let error = answer["error_response"] { throw mapError(WireObject(error, path: "error_response")) }
        let root = Self.responseRoot(of: method)
        guard let body = answer[root] else { throw .malformedResponse(message: "\(method): no \(root) in the answer") }
        return body
    }

    /// `taobao.trades.sold.increment.get` → `trades_sold_increment_get_response`.
    static func responseRoot(of method: String) -> String {
        let trimmed = method.hasPrefix("taobao.") ? String(method.dropFirst("taobao.".count)) : method
        return trimmed.replacingAll(".", with: "_") + "_response"
    }

    func signedRequest(_ method: String, _ business: [String: String], withSession: Bool) -> OutboundRequest {
        var parameters = business
        parameters["method"] = method
        parameters["app_key"] = context.credentials.appKey
        parameters["timestamp"] = PlatformTimestamp.gmt8Text(millis: context.clock())
        parameters["format"] = "json"
        parameters["v"] = "2.0"
        parameters["sign_method"] = settings.signMethod.rawValue
        if withSession { parameters["session"] = context.credentials.authorization.accessToken }
        parameters = parameters.filter { !$0.value.isEmpty }
        parameters["sign"] = TOPSigner.sign(
            parameters,
            secret: context.credentials.appSecret,
            method: settings.signMethod
        )
        let ordered = byteOrdered(parameters.keys).map { ($0, parameters[$0] ?? "") }
        return OutboundRequest.postForm(context.credentials.endpoint, parameters: ordered)
    }

    /// `error_response{code, msg, sub_code, sub_msg}` as a ``ChannelError``.
    func mapError(_ error: WireObject) -> ChannelError {
        let code = error.text("code")
        let subCode = error.text("sub_code")
        let message = context.sanitized(
            [error.text("msg"), error.text("sub_msg")].filter { !$0.isEmpty }.joined(separator: ": ")
        )
        let fullCode = subCode.isEmpty ? code : "\(code)/\(subCode)"
        if settings.authorizationExpiredCodes.contains(code) {
            context.log.log(
                .warning,
                "channel.authorization_expired",
                [("platform", "taobao"), ("error.code", fullCode)]
            )
            return .authorizationExpired(code: fullCode, message: message)
        }
        if code == "7" {
            let seconds = number(after: "last for", in: message).map { $0 + 1 } ?? settings.fallbackRetrySeconds
            return .rateLimited(retryAfterSeconds: seconds, message: message)
        }
        // A sub_code starting `isv.` blames the request (the trade cannot ship, does not exist…): retrying the same
        // call won't help, and it must not stop the rest of the sync. `isp.` and none blame the platform.
        if settings.unavailableCodes.contains(code), !subCode.hasPrefix("isv.") {
            return .unavailable(message: "\(fullCode): \(message)")
        }
        return .rejected(code: fullCode, message: message)
    }
}
