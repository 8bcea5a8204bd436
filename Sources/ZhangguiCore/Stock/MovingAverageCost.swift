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

    /// What `quantity` units cost at the current average, `round(quantity × value ÷ on hand)` half away from zero,
    /// computed in 128 bits; nil when nothing is on hand or the cost does not fit in Int64 fen (possible only for
    /// more units than are on hand, as when pricing an order before it is reserved).
    public func cost(of quantity: Int64) -> Money? {
        guard self.quantity > 0 else { return nil }
        let exact = Int128(value.fen) * Int128(quantity)
        let (quotient, remainder) = exact.quotientAndRemainder(dividingBy: Int128(self.quantity))
        let rounded = quotient + (remainder.magnitude * 2 >= UInt128(self.quantity) ? (exact < 0 ? -1 : 1) : 0)
        return Int64(exactly: rounded).map { Money(fen: $0, currency: value.currency) }
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
        // Within stock on hand the cost is at most the value held, so it always fits.
        let cost = quantity == self.quantity ? value : self.cost(of: quantity) ?? value
        self.quantity -= quantity
        value -= cost
        return cost
    }

    static func roundedQuotient(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        return quotient + (remainder.magnitude * 2 >= denominator.magnitude ? (numerator < 0 ? -1 : 1) : 0)
    }
}
