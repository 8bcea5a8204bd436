import ZhangguiCore
import ZhangguiServices

/// Calls one 拼多多 API: common parameters, signature, POST, and the success root or `error_response` mapped to
/// ``ChannelError`` (specs/platform-apis.md §3.1–3.2).
struct PDDGateway: Sendable {
    let context: ChannelContext
    let settings: PDDSettings

    /// Calls `type` and returns the answer's single success root (`order_sn_increment_get_response` …).
    func call(_ type: String, _ business: [String: String], withToken: Bool = true) throws(ChannelError) -> WireObject {
        let answer = try context.exchange(signedRequest(type, business, withToken: withToken), operation: type)
        if let error = answer["error_response"] { throw mapError(WireObject(error, path: "error_response")) }
        guard let members = answer.object, members.count == 1, let (root, body) = members.first, body.object != nil
        else { throw .malformedResponse(message: "\(type): the answer has no single response object") }
        return WireObject(body, path: root)
    }

    func signedRequest(_ type: String, _ business: [String: String], withToken: Bool) -> OutboundRequest {
        var parameters = business
        parameters["type"] = type
        parameters["client_id"] = context.credentials.appKey
        parameters["timestamp"] = PlatformTimestamp.secondsText(millis: context.clock())
        parameters["data_type"] = "JSON"
        parameters["version"] = "V1"
        if withToken { parameters["access_token"] = context.credentials.authorization.accessToken }
        parameters["sign"] = PDDSigner.sign(parameters, clientSecret: context.credentials.appSecret)
        let endpoint = context.credentials.endpoint
        switch settings.bodyFormat {
        case .form:
            return OutboundRequest.postForm(
                endpoint,
                parameters: byteOrdered(parameters.keys).map { ($0, parameters[$0] ?? "") }
            )
        case .json:
            return OutboundRequest.postJSON(
                endpoint,
                json: JSONValue.object(parameters.mapValues { .string($0) }).serialized()
            )
        }
    }

    func mapError(_ error: WireObject) -> ChannelError {
        let code = error.text("error_code")
        let subCode = error.text("sub_code")
        let fullCode = subCode.isEmpty ? code : "\(code)/\(subCode)"
        let message = context.sanitized(
            [error.text("error_msg"), error.text("sub_msg")].filter { !$0.isEmpty }.joined(separator: ": ")
        )
        if settings.authorizationExpiredCodes.contains(code) {
            context.log.log(
                .warning,
                "channel.authorization_expired",
                [("platform", "pinduoduo"), ("error.code", fullCode)]
            )
            return .authorizationExpired(code: fullCode, message: message)
        }
        if settings.rateLimitCodes.contains(code) {
            return .rateLimited(retryAfterSeconds: settings.fallbackRetrySeconds, message: message)
        }
        return .rejected(code: fullCode, message: message)
    }
}
