/// What a handler answers: a status, header fields and the body's bytes.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Extra fields of the request's log line (the company and user who made it); never sent.
    public var logFields: [String: String] = [:]

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The media type of every JSON answer.
    public static let jsonContentType = "application/json; charset=utf-8"

    /// `value` as JSON with keys in sorted order, so the same value always gives the same bytes; `<`, `>` and `&`
    /// in strings are escaped, so no stored text reads as markup (``JSONWriter``).
    /// - Throws: `EncodingError` when `value` cannot be encoded (such as a non-finite number).
    public static func json(_ value: some Encodable, status: HTTPStatus = .ok) throws -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": jsonContentType], body: try JSONWriter.encode(value))
    }
}
