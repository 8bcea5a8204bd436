/// Why the province, city and district of an address do not form a real division (地址异常).
///
/// `description` names only the code and the field, so it is safe to log; ``message`` also shows the text that was
/// refused, for a clerk who fixes the order.
public struct AddressProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong; the raw values are stable and part of the message ids.
    public enum Code: String, Sendable {
        case missingProvince
        case unknownProvince
        case missingCity
        case unknownCity
        case cityNotInProvince
        case missingDistrict
        case unknownDistrict
        case districtNotInCity
    }

    public let code: Code
    /// `province`, `city` or `district`: the field a clerk should correct.
    public let field: String
    /// The text of that field as the order carried it, trimmed; empty for the `missing…` codes.
    public let value: String

    /// Makes a problem report for one field.
    public init(code: Code, field: String, value: String) {
        self.code = code
        self.field = field
        self.value = value
    }

    /// A stable id for translated messages, such as `address.unknownDistrict`; its parameter is ``value``.
    public var messageID: String { "address.\(code.rawValue)" }

    /// The English message for a clerk, quoting the refused name when it is short enough to be a division name.
    public var message: String {
        let name = quotedValue
        switch code {
        case .missingProvince: return "the province is missing"
        case .unknownProvince: return "\(name) is not a province"
        case .missingCity: return "the city is missing"
        case .unknownCity: return "\(name) is not a city of this province"
        case .cityNotInProvince: return "\(name) is a city of another province"
        case .missingDistrict: return "the district is missing"
        case .unknownDistrict: return "\(name) is not a district of this city"
        case .districtNotInCity: return "\(name) is a district of another city"
        }
    }

    public var description: String { "AddressProblem(\(code.rawValue), field: \(field))" }

    /// The longest division name is 15 characters; anything longer is probably a street address and stays out.
    private static let longestQuotedValue = 20

    private var quotedValue: String {
        value.count <= Self.longestQuotedValue ? "'\(value)'" : "the \(field) given"
    }
}
