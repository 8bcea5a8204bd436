/// A request as a handler sees it: read in full, body included, before any handler runs.
public struct HTTPRequest: Sendable {
    public let method: HTTPMethod
    /// The path without the query string, percent-decoded, such as `/api/v1/orders/42`.
    public let path: String
    public let query: [QueryItem]
    public let headers: HTTPHeaders
    public let body: [UInt8]
    /// The client's numeric IP address, when known.
    public let remoteAddress: String?
    /// The id that ties this request's log lines together; sent back in `X-Request-ID`.
    public let id: String
    /// Values of the route's `{name}` segments, set by the router.
    public internal(set) var pathParameters: [String: String] = [:]
    /// A logger whose every line carries `request.id`.
    public let logger: Logger

    public init(
        method: HTTPMethod,
        path: String,
        query: [QueryItem] = [],
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        remoteAddress: String? = nil,
        id: String = RequestID.make(),
        logger: Logger = Logger()
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.id = id
        self.logger = logger.with("request.id", id)
    }

    /// The last value given for the query parameter `name`, nil when absent; a bare `?name` gives "".
    public func queryValue(_ name: String) -> String? {
        guard let item = query.last(where: { $0.name == name }) else { return nil }
        return item.value ?? ""
    }
}
