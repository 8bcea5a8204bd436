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

extension StoredLine {
    /// What `units` of the line sold for, VAT included: its net by units, rounded half up; the whole line is exactly
    /// its net.
    func amount(forUnits units: Int64) -> Money {
        guard units != quantity else { return net }
        let fen = (2 * net.fen * units + quantity) / (2 * quantity)
        return Money(fen: fen, currency: net.currency)
    }
}
