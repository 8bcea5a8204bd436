/// 价税分离: splitting a VAT-inclusive amount into its net amount and its tax.
public struct VATSplit: Hashable, Sendable {
    /// The amount without VAT (不含税金额).
    public let net: Money
    /// The VAT (税额), computed as the inclusive amount less the net, so the two always add back exactly.
    public let tax: Money

    /// Splits `inclusive` at `rateBasisPoints` (1300 = 13 %): net = round-half-up(inclusive ÷ (1 + rate)) to the
    /// fen, tax = inclusive − net. 99.00 at 13 % gives 87.61 and 11.39.
    public init(inclusive: Money, rateBasisPoints: Int64) {
        precondition(rateBasisPoints >= 0, "a VAT rate is not negative")
        let denominator = 10_000 + rateBasisPoints
        let magnitude = inclusive.fen.magnitude * 10_000
        let quotient = magnitude / UInt64(denominator)
        let remainder = magnitude % UInt64(denominator)
        let rounded = Int64(quotient + (remainder * 2 >= UInt64(denominator) ? 1 : 0))
        net = Money(fen: inclusive.fen < 0 ? -rounded : rounded, currency: inclusive.currency)
        tax = inclusive - net
    }
}
