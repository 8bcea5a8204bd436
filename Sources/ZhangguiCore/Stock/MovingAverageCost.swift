/// The quantity and value of a SKU's stock, costed by moving weighted average (移动加权平均).
///
/// The unit cost is recomputed on every receipt as value ÷ quantity. An issue of `n` units costs
/// `round(n × value ÷ quantity)` fen (half away from zero), and issuing the last units takes the whole remaining
/// value, so issues plus what is left always equal what came in.
public struct MovingAverageCost: Hashable, Sendable, Codable {
    public private(set) var quantity: Int64
    public private(set) var value: Money

    public init(quantity: Int64 = 0, value: Money = .zero()) {
        self.quantity = quantity
        self.value = value
    }

    /// The current unit cost in fen, rounded for display; costing itself never uses the rounded figure.
    public var unitCost: Money {
        guard quantity > 0 else { return .zero(value.currency) }
        return Money(fen: Self.roundedQuotient(value.fen, quantity), currency: value.currency)
    }

    /// Adds `quantity` units that cost `totalCost` altogether.
    public mutating func receive(quantity: Int64, totalCost: Money) {
        precondition(quantity > 0, "receive a positive quantity")
        self.quantity += quantity
        value += totalCost
    }

    /// Takes `quantity` units out and returns their cost.
    /// - Throws: ``StockError`` when fewer units are on hand.
    public mutating func issue(quantity: Int64) throws(StockError) -> Money {
        precondition(quantity > 0, "issue a positive quantity")
        guard quantity <= self.quantity else {
            throw StockError(code: .belowZero, requested: .ship(quantity), level: StockLevel(onHand: self.quantity))
        }
        let cost: Money
        if quantity == self.quantity {
            cost = value
        } else {
            let (high, low) = value.fen.magnitude.multipliedFullWidth(by: UInt64(quantity))
            let (quotient, remainder) = UInt64(self.quantity).dividingFullWidth((high, low))
            let rounded = Int64(quotient) + (remainder * 2 >= UInt64(self.quantity) ? 1 : 0)
            cost = Money(fen: value.fen < 0 ? -rounded : rounded, currency: value.currency)
        }
        self.quantity -= quantity
        value -= cost
        return cost
    }

    /// Puts `quantity` units back at `cost`, the cost they left with (a return or a cancelled issue).
    public mutating func restore(quantity: Int64, cost: Money) {
        receive(quantity: quantity, totalCost: cost)
    }

    static func roundedQuotient(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        return quotient + (remainder.magnitude * 2 >= denominator.magnitude ? (numerator < 0 ? -1 : 1) : 0)
    }
}
