/// Why a platform order cannot become a trade; the sync logs it by order id and goes on with the others.
public struct PlatformOrderProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let platformOrderID: String
    /// What is wrong, never personal data.
    public let detail: String

    public init(platformOrderID: String, detail: String) {
        self.platformOrderID = platformOrderID
        self.detail = detail
    }

    public var description: String { "order \(platformOrderID): \(detail)" }
}

extension PlatformOrder {
    /// Our trade for this order: one trade line per platform line, `merchantCodes[i]` naming line `i` (our SKU or
    /// combo code when mapped, the platform's code otherwise), times in UTC seconds, money as given.
    ///
    /// - Throws: ``PlatformOrderProblem`` for an order no trade can hold: no lines, a quantity or amount outside
    ///   ``Limits``.
    public func trade(shopCode: String, merchantCodes: [String]) throws(PlatformOrderProblem) -> Trade {
        precondition(merchantCodes.count == lines.count, "one code per line")
        try check()
        let tradeLines = zip(lines, merchantCodes).map { line, code in
            TradeLine(
                merchantCode: code,
                name: line.title,
                quantity: line.quantity,
                unitPrice: line.unitPrice,
                discount: line.discount
            )
        }
        return Trade(
            platformOrderID: platformOrderID,
            shopCode: shopCode,
            orderedAt: Self.seconds(createdAtMillis),
            paidAt: paidAtMillis.map(Self.seconds),
            receiver: receiver,
            lines: tradeLines,
            discount: discount,
            freight: freight,
            buyerNote: buyerNote,
            sellerMemo: sellerMemo,
            hasRefundInProgress: OrderUpdateRules.isRefunding(self)
        )
    }

    /// The hold to raise when what the platform says the buyer paid differs from lines, discount and freight.
    public func paymentMismatch(of trade: Trade) -> Hold? {
        guard trade.paidAmount != paid else { return nil }
        return Hold(
            reason: .manual,
            check: "platform-amounts",
            detail: "the platform says \(paid.decimalText) paid, lines and freight give \(trade.paidAmount.decimalText)"
        )
    }

    private func check() throws(PlatformOrderProblem) {
        guard !platformOrderID.isEmpty else { throw problem("no order id") }
        guard !lines.isEmpty else { throw problem("no lines") }
        for (index, line) in lines.enumerated() {
            guard (1...Limits.quantity).contains(line.quantity) else {
                throw problem("line \(index + 1): quantity \(line.quantity) outside 1…\(Limits.quantity)")
            }
            for amount in [line.unitPrice, line.discount] where !(0...Limits.amountFen).contains(amount.fen) {
                throw problem("line \(index + 1): amount \(amount.decimalText) outside 0…\(Limits.amountFen / 100)")
            }
        }
        for amount in [discount, freight, paid] where !(0...Limits.totalFen).contains(amount.fen) {
            throw problem("amount \(amount.decimalText) outside 0…\(Limits.totalFen / 100)")
        }
        let total = lines.reduce(Int128(0)) { $0 + Int128($1.unitPrice.fen) * Int128($1.quantity) }
        guard total <= Int128(Limits.totalFen) else { throw problem("lines total more than \(Limits.totalFen / 100)") }
    }

    private func problem(_ detail: String) -> PlatformOrderProblem {
        PlatformOrderProblem(platformOrderID: platformOrderID, detail: detail)
    }

    /// UTC milliseconds to whole UTC seconds, rounding down also before 1970.
    static func seconds(_ millis: Int64) -> Int64 {
        millis >= 0 ? millis / 1000 : -((-millis + 999) / 1000)
    }
}
