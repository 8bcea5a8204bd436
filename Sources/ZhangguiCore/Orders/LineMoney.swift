/// The money of one trade line as stored: units, unit price, the line's own discount and what the line sold for
/// after the order discount's share (its net). Splitting an order divides these, never the unit price.
public struct LineMoney: Hashable, Sendable {
    public var quantity: Int64
    /// VAT included, before any discount; the same on every part of a split line.
    public var unitPrice: Money
    /// The line-level discount.
    public var discount: Money
    /// What the line sold for after its own discount and its share of the order discount.
    public var net: Money

    public init(quantity: Int64, unitPrice: Money, discount: Money, net: Money) {
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discount = discount
        self.net = net
    }

    /// The order-level discount's share on this line: unit price × quantity − line discount − net.
    public var orderDiscountShare: Money { unitPrice.times(quantity) - discount - net }

    /// The line divided into parts of `units` each (拆单), in the same order.
    ///
    /// The unit price stays. The line discount and the order discount's share are each spread over the parts by
    /// units with the largest remainder, and each part's net is its units × unit price less its two shares — so
    /// the parts' discounts, shares and nets each sum back exactly to the line's.
    /// - Precondition: `units` are positive and add up to ``quantity``.
    public func divided(into units: [Int64]) -> [LineMoney] {
        precondition(units.allSatisfy { $0 > 0 } && units.reduce(0, +) == quantity, "parts must cover the line")
        let discounts = discount.spread(over: units)
        let shares = orderDiscountShare.spread(over: units)
        return units.indices.map { index in
            LineMoney(
                quantity: units[index],
                unitPrice: unitPrice,
                discount: discounts[index],
                net: unitPrice.times(units[index]) - discounts[index] - shares[index]
            )
        }
    }
}
