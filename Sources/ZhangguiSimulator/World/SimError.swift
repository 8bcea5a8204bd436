/// Why the simulator refused a control call or a gateway operation on its state.
public struct SimError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notFound = "not_found"
        case conflict
        case invalidArgument = "invalid_argument"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    static func noShop(_ shopID: String) -> SimError { SimError(.notFound, "no shop \(shopID)") }
    static func noOrder(_ orderID: String) -> SimError { SimError(.notFound, "no order \(orderID)") }
}
