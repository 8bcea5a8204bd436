import ZhangguiCore
import ZhangguiServices

/// Calls one 小红书 API: one JSON POST holding the system parameters, the signature and the method's own
/// parameters; the `{success, error_code, error_msg, data}` envelope mapped to ``ChannelError`` (spec §6.1).
struct XHSGateway: Sendable {
    let context: ChannelContext
    let settings: XHSSettings

    func call(_ method: String, _ business: [String: JSONValue], withToken: Bool = true) throws(ChannelError)
        -> WireObject
    {
        let answer = WireObject(
            try context.exchange(signedRequest(method, business, withToken: withToken), operation: method),
            path: method
        )
        let code = answer.text("error_code")
        guard answer.value["success"]?.bool != false, code.isEmpty || code == "0" else { throw mapError(answer) }
        return answer.object("data") ?? WireObject(.object([:]), path: "\(method).data")
    }

    func signedRequest(_ method: String, _ business: [String: JSONValue], withToken: Bool) -> OutboundRequest {
        let credentials = context.credentials
        let timestamp = PlatformTimestamp.secondsText(millis: context.clock())
        var body = business
        body["appId"] = .string(credentials.appKey)
        body["timestamp"] = .string(timestamp)
        body["version"] = .string("2.0")
        body["method"] = .string(method)
        body["sign"] = .string(
            XHSSigner.sign(
                method: method,
                appID: credentials.appKey,
                timestamp: timestamp,
                appSecret: credentials.appSecret
            )
        )
        if withToken { body["accessToken"] = .string(credentials.authorization.accessToken) }
        return OutboundRequest.postJSON(credentials.endpoint, json: JSONValue.object(body).serialized())
    }

    func mapError(_ answer: WireObject) -> ChannelError {
        let code = answer.text("error_code")
        let message = context.sanitized(answer.text("error_msg"))
        let lowered = message.lowercased()
        let looksExpired = lowered.contains("token") && settings.expiredTokenMarkers.contains { lowered.contains($0) }
        if settings.authorizationExpiredCodes.contains(code) || looksExpired {
            context.log.log(
                .warning,
                "channel.authorization_expired",
                [("platform", "xiaohongshu"), ("error.code", code)]
            )
            return .authorizationExpired(code: code, message: message)
        }
        if settings.rateLimitCodes.contains(code) || settings.rateLimitMarkers.contains(where: { lowered.contains($0) })
        {
            return .rateLimited(retryAfterSeconds: settings.fallbackRetrySeconds, message: message)
        }
        return .rejected(code: code.isEmpty ? "unknown" : code, message: message)
    }
}
