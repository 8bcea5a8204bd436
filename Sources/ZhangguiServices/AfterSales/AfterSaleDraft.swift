public import ZhangguiCore
public import ZhangguiStore

/// A case as customer service opens it by hand: the shipped trade, the kind, which lines and how many units, and
/// for 仅退款 how much goes back.
public struct AfterSaleDraft: Sendable {
    public var tradeID: Int64
    public var kind: AfterSaleKind
    /// Trade line ids and units; empty means every line, whole.
    public var lines: [(lineID: Int64, quantity: Int64)]
    /// What goes back to the buyer, VAT included. Nil: what the lines sold for (refund kinds) or zero (others).
    public var refund: Money?
    public var reason: String

    public init(
        tradeID: Int64,
        kind: AfterSaleKind,
        lines: [(lineID: Int64, quantity: Int64)] = [],
        refund: Money? = nil,
        reason: String = ""
    ) {
        self.tradeID = tradeID
        self.kind = kind
        self.lines = lines
        self.refund = refund
        self.reason = reason
    }
}

/// The money of a part of a trade line: `quantity` of its units' share of what it sold for (VAT included),
/// rounded half up; the whole line is exactly its net.
func share(of line: StoredLine, quantity: Int64) -> Money {
    guard quantity != line.quantity else { return line.net }
    let scaled = line.net.fen * quantity
    let fen = (2 * scaled + line.quantity) / (2 * line.quantity)
    return Money(fen: fen, currency: line.net.currency)
}
