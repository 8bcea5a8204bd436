import Foundation

/// A refusal that knows its status and its body, thrown by handlers and answered in the one error shape:
///
/// ```json
/// {"error": {"code": "unknown_field", "message": "…", "field": "lines[1].sku", "row": 3}}
/// ```
///
/// `field` and `row` are left out when absent. `code` is stable for programs to match; `message` is for people.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-matchable error id such as `unknown_field`; areas add their own.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public init(stringLiteral value: String) {
            self.rawValue = value
        }
    }

    public let status: HTTPStatus
    public let code: Code
    public let message: String
    /// The field the error is about, as a path such as `lines[1].sku`.
    public let field: String?
    /// The row of an uploaded file the error is about, counted from 1.
    public let row: Int?
    /// Extra header fields for the answer, such as `Allow` on a 405.
    public var headers: HTTPHeaders

    public init(
        _ status: HTTPStatus,
        code: Code,
        message: String,
        field: String? = nil,
        row: Int? = nil,
        headers: HTTPHeaders = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.row = row
        self.headers = headers
    }

    /// Status and code only: the message may quote what the client sent.
    public var description: String { "HTTP \(status.code) \(code.rawValue)" }

    /// The answer to send.
    public var response: HTTPResponse {
        var headers = headers
        headers.set("Content-Type", HTTPResponse.jsonContentType)
        let body = Body(error: Body.Detail(code: code.rawValue, message: message, field: field, row: row))
        let bytes = (try? JSONWriter.encode(body)) ?? Array(#"{"error":{}}"#.utf8)
        return HTTPResponse(status: status, headers: headers, body: bytes)
    }

    /// The error shape; optional members are left out when nil.
    struct Body: Codable, Equatable {
        struct Detail: Codable, Equatable {
            let code: String
            let message: String
            let field: String?
            let row: Int?
        }

        let error: Detail
    }
}
