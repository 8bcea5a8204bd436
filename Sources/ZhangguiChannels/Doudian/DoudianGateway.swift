import ZhangguiCore
import ZhangguiServices

/// Calls one 抖店 API: `<endpoint>/<method with / for .>`, system parameters in the query, `param_json` as the JSON
/// body, and the `{code, msg, sub_code, sub_msg, data}` envelope mapped to ``ChannelError`` (spec §4.1–4.2).
struct DoudianGateway: Sendable {
    let context: ChannelContext
    let settings: DoudianSettings

    /// Calls `method` and returns its `data`.
    func call(_ method: String, _ business: [String: JSONValue], withToken: Bool = true) throws(ChannelError)
        -> WireObject
    {
        let answer = WireObject(
            try context.exchange(signedRequest(method, business, withToken: withToken), operation: method),
            path: method
        )
        let code = answer.text("code")
        guard code == "10000" else { throw mapError(answer, code: code) }
        return answer.object("data") ?? WireObject(.object([:]), path: "\(method).data")
    }

    func signedRequest(_ method: String, _ business: [String: JSONValue], withToken: Bool) -> OutboundRequest {
        let paramJSON = DoudianSigner.paramJSON(business)
        let timestamp = PlatformTimestamp.secondsText(millis: context.clock())
        let credentials = context.credentials
        let sign = DoudianSigner.sign(
            appKey: credentials.appKey,
            method: method,
            paramJSON: paramJSON,
            timestamp: timestamp,
            secret: credentials.appSecret,
            signMethod: settings.signMethod
        )
        var query = [
            ("app_key", credentials.appKey), ("method", method), ("timestamp", timestamp), ("v", "2"),
            ("sign", sign), ("sign_method", settings.signMethod.rawValue),
        ]
        if withToken { query.append(("access_token", credentials.authorization.accessToken)) }
        let base = credentials.endpoint.hasSuffix("/") ? String(credentials.endpoint.dropLast()) : credentials.endpoint
        let url = base + "/" + method.replacingAll(".", with: "/") + "?" + FormEncoding.encode(query)
        return OutboundRequest.postJSON(url, json: paramJSON, headers: ["x-open-no-old-err-code": "1"])
    }

    func mapError(_ answer: WireObject, code: String) -> ChannelError {
        let subCode = answer.text("sub_code")
        let fullCode = subCode.isEmpty ? code : "\(code)/\(subCode)"
        let message = context.sanitized(
            [answer.text("msg"), answer.text("sub_msg")].filter { !$0.isEmpty }.joined(separator: ": ")
        )
        if settings.authorizationExpiredSubCodes.contains(subCode) {
            context.log.log(
                .warning,
                "channel.authorization_expired",
                [("platform", "doudian"), ("error.code", fullCode)]
            )
            return .authorizationExpired(code: fullCode, message: message)
        }
        switch code {
        case "60000": return .rateLimited(retryAfterSeconds: settings.fallbackRetrySeconds, message: message)
        case "20000", "20001", "50001", "90000": return .unavailable(message: "\(fullCode): \(message)")
        case "": return .malformedResponse(message: "the answer has no code")
        default: return .rejected(code: fullCode, message: message)
        }
    }
}
