extension HTTPError.Code {
    /// No route has this path.
    public static let notFound: Self = "not_found"
    /// A route has this path but not this method; the `Allow` header lists those it has.
    public static let methodNotAllowed: Self = "method_not_allowed"
    /// The body is larger than the server accepts.
    public static let bodyTooLarge: Self = "body_too_large"
    /// The body is not JSON, or is empty or cut short.
    public static let malformedJSON: Self = "malformed_json"
    /// The body is not sent as `application/json`.
    public static let unsupportedMediaType: Self = "unsupported_media_type"
    /// The body has a field the operation does not know.
    public static let unknownField: Self = "unknown_field"
    /// A field, or the body itself, has the wrong JSON type.
    public static let wrongType: Self = "wrong_type"
    /// A required field is absent or null.
    public static let missingField: Self = "missing_field"
    /// A field has the right type but a value that is not allowed.
    public static let invalidValue: Self = "invalid_value"
    /// A query parameter has a value that is not allowed.
    public static let invalidQuery: Self = "invalid_query"
    /// The server failed; the log has the details under the request id.
    public static let internalError: Self = "internal_error"
    /// The database stayed busy with other writers after every retry; nothing was changed, and the same request
    /// may be sent again.
    public static let databaseBusy: Self = "database_busy"
}

extension HTTPError {
    /// 404 for a path no route has.
    public static var notFound: HTTPError {
        HTTPError(.notFound, code: .notFound, message: "nothing is at this path")
    }

    /// 405 naming the methods the path has, in the `Allow` header and in the message.
    public static func methodNotAllowed(allowed: [HTTPMethod]) -> HTTPError {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return HTTPError(
            .methodNotAllowed,
            code: .methodNotAllowed,
            message: "this path answers \(list) only",
            headers: ["Allow": list]
        )
    }

    /// 413 for a body over `limit` bytes.
    public static func bodyTooLarge(limit: Int) -> HTTPError {
        HTTPError(.contentTooLarge, code: .bodyTooLarge, message: "the body is larger than \(limit) bytes")
    }

    /// 400 for a query parameter whose value is not allowed.
    public static func invalidQuery(_ name: String, _ message: String) -> HTTPError {
        HTTPError(.badRequest, code: .invalidQuery, message: message, field: name)
    }

    /// 503 for a write that lost to other writers on every attempt: nothing changed, and sending the same request
    /// again after `Retry-After` seconds is safe.
    public static var databaseBusy: HTTPError {
        HTTPError(
            .serviceUnavailable,
            code: .databaseBusy,
            message: "the database is busy with other writers; nothing was changed, send the request again",
            headers: ["Retry-After": "1"]
        )
    }

    /// 500 for a failure the client cannot fix; the details are in the log only.
    public static var internalError: HTTPError {
        HTTPError(
            .internalServerError,
            code: .internalError,
            message: "the server failed to answer; its log has the details under this request's id"
        )
    }
}
