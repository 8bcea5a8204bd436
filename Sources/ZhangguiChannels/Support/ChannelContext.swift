import ZhangguiCore
import ZhangguiServices

/// What every platform client holds for one shop: its credentials, the transport, the clock and the log, and
/// the exchange of one request for one parsed answer with transport failures mapped to ``ChannelError``.
struct ChannelContext: Sendable {
    let credentials: ShopCredentials
    let transport: any HTTPTransport
    let clock: ChannelClock
    let log: ChannelLog
    /// How long to wait after a rate-limit answer that names no time, in seconds.
    let fallbackRetrySeconds: Int

    /// Sends `request` and parses the answer as JSON.
    ///
    /// HTTP 429 is a rate limit and 5xx an outage whatever the body; otherwise a JSON answer is returned whatever
    /// its status, so the platform's own error envelope can be read, and any other answer maps by status.
    func exchange(_ request: OutboundRequest, operation: String) throws(ChannelError) -> JSONValue {
        let response: OutboundResponse
        do {
            response = try transport.send(request)
        } catch {
            log.log(
                .warning,
                "channel.transport_failed",
                [
                    ("platform", platformName), ("operation", operation),
                    ("error.code", error.code.rawValue),
                ]
            )
            throw .unavailable(message: "\(operation): \(error.description)")
        }
        switch response.status {
        case 429: throw .rateLimited(retryAfterSeconds: fallbackRetrySeconds, message: "\(operation): HTTP 429")
        case 500...: throw .unavailable(message: "\(operation): HTTP \(response.status)")
        default: break
        }
        if let json = try? JSONValue.parse(bytes: response.body) { return json }
        switch response.status {
        case 200..<300: throw .malformedResponse(message: "\(operation): the answer is not JSON")
        default: throw .rejected(code: "http-\(response.status)", message: "\(operation): HTTP \(response.status)")
        }
    }

    var platformName: String { credentials.platform.rawValue }

    /// A platform's error text made safe for errors and logs: the shop's tokens and secrets blanked out,
    /// control characters dropped, at most 200 characters.
    func sanitized(_ message: String) -> String {
        var text = message
        let secrets = [
            credentials.authorization.accessToken, credentials.authorization.refreshToken, credentials.appSecret,
            credentials.signSecret,
        ]
        for secret in secrets where secret.count >= 4 {
            text = text.replacingAll(secret, with: "***")
        }
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 }))
        return cleaned.count > 200 ? String(cleaned.prefix(200)) + "…" : cleaned
    }

    /// Refuses a window longer than the platform allows, before any call.
    func checkWindow(_ window: SyncWindow, maximumMillis: Int64) throws(ChannelError) {
        guard window.durationMillis <= maximumMillis else {
            throw .rejected(
                code: "window-too-long",
                message: "\(platformName) lists at most \(maximumMillis / 1000) s at once, asked for "
                    + "\(window.durationMillis / 1000) s"
            )
        }
    }
}

extension String {
    /// This text with every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    /// The first range where `target` occurs, compared by Unicode scalars.
    func range(of target: String) -> Range<Index>? {
        let needle = Array(target.unicodeScalars)
        var index = startIndex
        while index < endIndex {
            var candidate = index
            var matched = 0
            while matched < needle.count, candidate < endIndex, unicodeScalars[candidate] == needle[matched] {
                candidate = unicodeScalars.index(after: candidate)
                matched += 1
            }
            if matched == needle.count { return index..<candidate }
            index = unicodeScalars.index(after: index)
        }
        return nil
    }
}
