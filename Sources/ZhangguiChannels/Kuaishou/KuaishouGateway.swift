import ZhangguiCore
import ZhangguiServices

/// Calls one 快手 API: `<endpoint>/<method with / for .>`, the seven signed parameters with `param` as a JSON text,
/// GET for reads and form POST for writes; `{result, error_msg, data}` mapped to ``ChannelError`` (spec §5.1–5.2).
struct KuaishouGateway: Sendable {
    let context: ChannelContext
    let settings: KuaishouSettings

    func call(_ method: String, _ business: [String: JSONValue], post: Bool = false) throws(ChannelError) -> WireObject
    {
        let answer = WireObject(
            try context.exchange(signedRequest(method, business, post: post), operation: method),
            path: method
        )
        guard answer.text("result") == "1" else { throw mapError(answer) }
        return answer.object("data") ?? WireObject(.object([:]), path: "\(method).data")
    }

    func signedRequest(_ method: String, _ business: [String: JSONValue], post: Bool) -> OutboundRequest {
        let credentials = context.credentials
        var parameters = [
            "appkey": credentials.appKey, "method": method, "version": "1",
            "param": JSONValue.object(business).serialized(), "access_token": credentials.authorization.accessToken,
            "timestamp": PlatformTimestamp.millisText(millis: context.clock()),
            "signMethod": settings.signMethod.rawValue,
        ]
        parameters["sign"] = KuaishouSigner.sign(
            parameters,
            signSecret: credentials.signSecret,
            method: settings.signMethod
        )
        let ordered = byteOrdered(parameters.keys).map { ($0, parameters[$0] ?? "") }
        let base = credentials.endpoint.hasSuffix("/") ? String(credentials.endpoint.dropLast()) : credentials.endpoint
        let url = base + "/" + method.replacingAll(".", with: "/")
        return post ? OutboundRequest.postForm(url, parameters: ordered) : OutboundRequest.get(url, parameters: ordered)
    }

    func mapError(_ answer: WireObject) -> ChannelError {
        let code =
            [answer.text("code"), answer.text("sub_code"), answer.text("result")].first { !$0.isEmpty } ?? "unknown"
        let message = context.sanitized(
            [answer.text("error_msg"), answer.text("sub_msg")].filter { !$0.isEmpty }.joined(separator: ": ")
        )
        let lowered = message.lowercased()
        if settings.expiredMarkers.contains(where: { lowered.contains($0.lowercased()) }) {
            context.log.log(
                .warning,
                "channel.authorization_expired",
                [("platform", "kuaishou"), ("error.code", code)]
            )
            return .authorizationExpired(code: code, message: message)
        }
        if settings.rateLimitMarkers.contains(where: { lowered.contains($0.lowercased()) }) {
            return .rateLimited(retryAfterSeconds: settings.fallbackRetrySeconds, message: message)
        }
        return .rejected(code: code, message: message)
    }
}
