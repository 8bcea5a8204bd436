/// Why a split, merge or unmerge was refused. Nothing changed. The message names orders by id and fields by
/// name, never a receiver's details.
public struct OrderChangeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// An order of the request is not in the company (or not in the caller's reach).
        case notFound
        /// A field of the request is wrong: an unknown line, a quantity out of range, too few orders.
        case invalidRequest
        /// An order is in a state the change does not start from, such as one that has a waybill.
        case wrongState
        /// The orders cannot share a parcel: shop, receiver or warehouse differ.
        case mismatch
    }

    public let code: Code
    /// The request field at fault, as a path (`lines[1].quantity`, `orders[2]`, `receiver.phone`); nil when the
    /// request as a whole is.
    public let field: String?
    public let message: String

    public init(_ code: Code, field: String? = nil, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { message }

    static func notFound(_ tradeID: Int64, field: String? = nil) -> OrderChangeError {
        OrderChangeError(.notFound, field: field, "order \(tradeID) not found")
    }
}
