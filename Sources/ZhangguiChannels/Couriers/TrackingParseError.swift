/// Why a courier's tracking push or route answer could not be read: the field (a JSON path or form field) and what
/// is wrong with it. Never holds the body itself (it names receivers).
public struct TrackingParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// Not JSON, or not the documented shape.
        case malformed
        /// A push whose digest is not the one our secret gives.
        case invalidDigest
    }

    public let code: Code
    public let field: String
    public let reason: String

    public init(code: Code = .malformed, field: String, reason: String) {
        self.code = code
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}
