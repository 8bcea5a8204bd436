/// Why a reorder point cannot be set.
public struct ReorderPointError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// No SKU of the company has the code.
        case unknownSKU
        /// No warehouse of the company has the code.
        case unknownWarehouse
        /// The code names a combo (组合装), which has no stock of its own: set points on its parts.
        case combo
        /// The quantity is negative or above the largest quantity Zhanggui accepts.
        case badQuantity
    }

    public let code: Code
    /// The code or quantity refused, as given.
    public let value: String

    public init(code: Code, value: String) {
        self.code = code
        self.value = value
    }

    /// The field of a request or command the error is about.
    public var field: String {
        switch code {
        case .unknownSKU, .combo: "sku"
        case .unknownWarehouse: "warehouse"
        case .badQuantity: "quantity"
        }
    }

    public var description: String {
        switch code {
        case .unknownSKU: "no SKU has the code '\(value)'"
        case .unknownWarehouse: "no warehouse has the code '\(value)'"
        case .combo: "'\(value)' is a combo, which has no stock of its own; set reorder points on its parts"
        case .badQuantity: "the reorder point must be a whole number from 0 to 10000000, not \(value)"
        }
    }
}
