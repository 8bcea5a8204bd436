/// A JSON document as the platforms send and sign it.
///
/// Numbers keep their exact text, so amounts such as `"0.10"` or ids longer than 15 digits are never rounded
/// through a floating-point value. Objects are unordered; ``serialized()`` writes keys sorted at every depth,
/// which is the form the signatures need.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number, as its JSON text (`12`, `-3.50`, `1e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A whole number.
    public static func int(_ value: Int64) -> JSONValue { .number(String(value)) }

    /// The member named `key` of an object; `nil` for a missing member or when this is no object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The text of a string, or of a number; `nil` for anything else (`null` included).
    public var text: String? {
        switch self {
        case .string(let text), .number(let text): text
        default: nil
        }
    }

    /// A whole number given as a JSON number or as a decimal string; `nil` for anything else.
    public var int64: Int64? {
        guard let text else { return nil }
        if let value = Int64(text) { return value }
        guard case .number = self, let whole = text.split(separator: ".").first, Int64(whole) != nil,
            text.split(separator: ".").dropFirst().allSatisfy({ $0.allSatisfy { $0 == "0" } })
        else { return nil }
        return Int64(whole)
    }

    /// A Boolean, also from the texts `"true"` / `"false"`; `nil` for anything else.
    public var bool: Bool? {
        switch self {
        case .bool(let value): value
        case .string("true"): true
        case .string("false"): false
        default: nil
        }
    }

    /// The elements of an array; `nil` when this is no array.
    public var array: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    /// The members of an object; `nil` when this is no object.
    public var object: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// Whether this is `null`.
    public var isNull: Bool { self == .null }
}
