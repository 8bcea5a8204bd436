internal import CCurl

/// HTTPS through libcurl: certificates and host names verified, no redirects followed, only `http`/`https`,
/// bounded time and answer size. Nothing of a request or answer is logged.
///
/// Each request uses its own easy handle, so one transport serves any number of threads.
public struct CurlTransport: HTTPTransport {
    /// How long to wait for the connection (TLS included), in milliseconds.
    public var connectTimeoutMillis: Int
    /// How long the whole exchange may take, in milliseconds.
    public var totalTimeoutMillis: Int
    /// The largest answer accepted, in bytes.
    public var maximumResponseBytes: Int

    public init(
        connectTimeoutMillis: Int = 10_000,
        totalTimeoutMillis: Int = 60_000,
        maximumResponseBytes: Int = 64 << 20
    ) {
        self.connectTimeoutMillis = connectTimeoutMillis
        self.totalTimeoutMillis = totalTimeoutMillis
        self.maximumResponseBytes = maximumResponseBytes
    }

    public func send(_ request: OutboundRequest) throws(TransportError) -> OutboundResponse {
        let host = try EndpointPolicy.checkedHost(of: request.url)
        _ = curlGlobalInit
        guard let handle = curl_easy_init() else { throw TransportError(code: .other, detail: "libcurl did not start") }
        defer { curl_easy_cleanup(handle) }
        let sink = ResponseSink(limit: maximumResponseBytes)
        var headerList: UnsafeMutablePointer<curl_slist>? = nil
        defer { curl_slist_free_all(headerList) }
        for (name, value) in request.headers { headerList = curl_slist_append(headerList, "\(name): \(value)") }
        headerList = curl_slist_append(headerList, "Expect:")
        let code: CURLcode = request.body.withUnsafeBufferPointer { body in
            withExtendedLifetime(sink) {
                configure(handle, request: request, body: body, headers: headerList, sink: sink)
                return curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else { throw Self.error(for: code, host: host, sink: sink) }
        var status = 0
        _ = ccurl_response_code(handle, &status)
        return OutboundResponse(status: status, body: sink.bytes)
    }

    private func configure(
        _ handle: UnsafeMutableRawPointer,
        request: OutboundRequest,
        body: UnsafeBufferPointer<UInt8>,
        headers: UnsafeMutablePointer<curl_slist>?,
        sink: ResponseSink
    ) {
        _ = ccurl_setopt_string(handle, CURLOPT_URL, request.url)
        _ = ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_string(handle, CURLOPT_NOPROXY, "127.0.0.1,localhost,::1")
        _ = ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutMillis)
        _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, totalTimeoutMillis)
        _ = ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = ccurl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headers)
        if request.method == .post {
            _ = ccurl_setopt_long(handle, CURLOPT_POST, 1)
            _ = ccurl_setopt_size(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            _ = ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: body.baseAddress))
        } else {
            _ = ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        }
        _ = ccurl_setopt_write_callback(handle, writeResponse)
        _ = ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())
    }

    private static func error(for code: CURLcode, host: String, sink: ResponseSink) -> TransportError {
        if sink.isOverLimit { return TransportError(code: .responseTooLarge, detail: "answer from \(host) too large") }
        let reason = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return TransportError(code: .timedOut, detail: "\(host): \(reason)")
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_SEND_ERROR, CURLE_RECV_ERROR,
            CURLE_GOT_NOTHING:
            return TransportError(code: .connectionFailed, detail: "\(host): \(reason)")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM:
            return TransportError(code: .tlsFailed, detail: "\(host): \(reason)")
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return TransportError(code: .invalidURL, detail: "\(host): \(reason)")
        default: return TransportError(code: .other, detail: "\(host): \(reason)")
        }
    }
}

/// libcurl's process-wide set-up, run once before the first request (Swift initialises globals exactly once).
private let curlGlobalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// Collects the answer's bytes on the thread running `curl_easy_perform`; used by that one call only.
private final class ResponseSink {
    var bytes: [UInt8] = []
    let limit: Int
    var isOverLimit = false

    init(limit: Int) {
        self.limit = limit
    }
}

private let writeResponse: ccurl_write_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    guard sink.bytes.count + length <= sink.limit else {
        sink.isOverLimit = true
        return 0
    }
    data.withMemoryRebound(to: UInt8.self, capacity: length) {
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
    }
    return length
}

/// Which endpoints a channel may call: `https://` anywhere, plain `http://` only to this machine (a local
/// simulator), so tokens never cross a network in clear.
public enum EndpointPolicy {
    /// The host of `url` when the URL may be called.
    /// - Throws: ``TransportError`` `.invalidURL` or `.insecureEndpoint`.
    public static func checkedHost(of url: String) throws(TransportError) -> String {
        let lowered = url.lowercased()
        let isHTTPS = lowered.hasPrefix("https://")
        guard isHTTPS || lowered.hasPrefix("http://") else {
            throw TransportError(code: .invalidURL, detail: "the endpoint must start with https://")
        }
        let rest = url.dropFirst(isHTTPS ? 8 : 7)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = hostName(of: authority)
        guard !host.isEmpty else { throw TransportError(code: .invalidURL, detail: "the endpoint names no host") }
        guard isHTTPS || loopbackHosts.contains(host.lowercased()) else {
            throw TransportError(code: .insecureEndpoint, detail: "\(host) must be called over https://")
        }
        return host
    }

    private static let loopbackHosts: Set<String> = ["127.0.0.1", "localhost", "[::1]"]

    private static func hostName(of authority: Substring) -> String {
        let withoutUser = authority.split(separator: "@").last ?? ""
        if withoutUser.hasPrefix("[") {
            return String(withoutUser.prefix { $0 != "]" }) + "]"
        }
        return String(withoutUser.prefix { $0 != ":" })
    }
}
