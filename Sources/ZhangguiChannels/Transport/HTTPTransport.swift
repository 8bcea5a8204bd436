/// One outbound HTTP request to a platform gateway.
///
/// Secret: the URL and body carry signatures and access tokens; never log either.
public struct OutboundRequest: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case get = "GET"
        case post = "POST"
    }

    public var method: Method
    /// The full URL, query string included.
    public var url: String
    public var headers: [String: String]
    public var body: [UInt8]

    public init(method: Method, url: String, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// A GET of `url` with `parameters` appended as a query string.
    public static func get(_ url: String, parameters: [(String, String)]) -> OutboundRequest {
        guard !parameters.isEmpty else { return OutboundRequest(method: .get, url: url) }
        let separator = url.contains("?") ? "&" : "?"
        return OutboundRequest(method: .get, url: url + separator + FormEncoding.encode(parameters))
    }

    /// A POST of `parameters` as `application/x-www-form-urlencoded;charset=utf-8`.
    public static func postForm(_ url: String, parameters: [(String, String)]) -> OutboundRequest {
        OutboundRequest(
            method: .post,
            url: url,
            headers: ["Content-Type": "application/x-www-form-urlencoded;charset=utf-8"],
            body: Array(FormEncoding.encode(parameters).utf8)
        )
    }

    /// A POST of a JSON text as `application/json;charset=utf-8`.
    public static func postJSON(_ url: String, json: String, headers: [String: String] = [:]) -> OutboundRequest {
        var allHeaders = headers
        allHeaders["Content-Type"] = "application/json;charset=utf-8"
        return OutboundRequest(method: .post, url: url, headers: allHeaders, body: Array(json.utf8))
    }
}

/// A platform's answer: the HTTP status and the body as received.
public struct OutboundResponse: Sendable, Hashable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why no answer came back. The description names the failure and the host, never the URL's path, query or body.
public struct TransportError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The endpoint is not an `https://` URL (plain `http://` is allowed to loopback addresses only).
        case insecureEndpoint
        case invalidURL
        case timedOut
        case connectionFailed
        case tlsFailed
        case responseTooLarge
        case other
    }

    public var code: Code
    public var detail: String

    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code.rawValue): \(detail)" }
}

/// Sends requests and returns answers; blocks the calling thread until done.
public protocol HTTPTransport: Sendable {
    func send(_ request: OutboundRequest) throws(TransportError) -> OutboundResponse
}
