/// Why an action on a trade was refused.
public struct OrderActionError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notFound
        /// Not enough available stock; nothing was reserved.
        case insufficientStock
        /// A line's 商家编码 matches no SKU.
        case unmapped
        /// The trade is not in a state the action starts from.
        case wrongState
    }

    public let code: Code
    public let tradeID: Int64
    public let detail: String

    public init(code: Code, tradeID: Int64, detail: String) {
        self.code = code
        self.tradeID = tradeID
        self.detail = detail
    }

    public var description: String {
        switch code {
        case .notFound: "trade \(tradeID) not found"
        case .insufficientStock: "trade \(tradeID): not enough stock (\(detail))"
        case .unmapped: "trade \(tradeID): unmapped SKU (\(detail))"
        case .wrongState: "trade \(tradeID): \(detail)"
        }
    }
}
