import ZhangguiCore
import ZhangguiStore

extension AfterSaleService {
    /// Checks `draft` against the trade and the cases it already has, and stores the case; returns its id.
    func open(
        _ draft: AfterSaleDraft,
        platformAfterSaleID: Int64?,
        context: CompanyContext,
        connection: any DatabaseConnection
    ) throws -> Int64 {
        guard
            let trade = try TradeRecords(connection, currency: context.currency)
                .trade(id: draft.tradeID, companyID: context.id)
        else { throw AfterSaleError(code: .notFound, detail: "no order \(draft.tradeID)") }
        guard trade.state == .shipped else {
            throw AfterSaleError(
                code: .notShipped,
                detail: "order \(trade.platformOrderID) is \(trade.state.rawValue), not shipped"
            )
        }
        let records = AfterSaleCaseRecords(connection, currency: context.currency)
        let claimed = try records.claimedUnits(tradeID: trade.id, companyID: context.id)
        let lines = try caseLines(draft, trade: trade, claimed: claimed)
        let sold = lines.compactMap { line in trade.line(line.lineID)?.amount(forUnits: line.quantity) }
            .sum(currency: context.currency)
        let refund = draft.refund ?? (draft.kind.refundsMoney ? sold : .zero(context.currency))
        guard refund.fen >= 0, refund.fen <= sold.fen, draft.kind.refundsMoney || refund.isZero else {
            throw AfterSaleError(
                code: .badAmount,
                detail: "refund \(refund) must be between 0.00 and \(sold), what the lines sold for"
                    + (draft.kind.refundsMoney ? "" : ", and 0.00 for \(draft.kind.rawValue)")
            )
        }
        return try records.insert(
            tradeID: trade.id,
            kind: draft.kind,
            lines: lines,
            refund: refund,
            reason: draft.reason,
            platformAfterSaleID: platformAfterSaleID,
            companyID: context.id,
            at: Clock.nowSeconds()
        )
    }

    /// The draft's lines (every line whole when it names none), each checked against what is left of it.
    private func caseLines(_ draft: AfterSaleDraft, trade: StoredTrade, claimed: [Int64: Int64]) throws
        -> [AfterSaleCaseLine]
    {
        let wanted =
            draft.lines.isEmpty
            ? trade.lines.map { ($0.id, $0.quantity - (claimed[$0.id] ?? 0)) }.filter { $0.1 > 0 } : draft.lines
        guard Set(wanted.map(\.0)).count == wanted.count else {
            throw AfterSaleError(code: .badLines, detail: "a line is named twice")
        }
        let lines = try wanted.map { lineID, quantity in
            guard let line = trade.line(lineID) else {
                throw AfterSaleError(code: .notFound, detail: "order \(trade.platformOrderID) has no line \(lineID)")
            }
            let left = line.quantity - (claimed[lineID] ?? 0)
            guard quantity >= 1, quantity <= left else {
                throw AfterSaleError(
                    code: .badQuantity,
                    detail: "line \(line.lineNo) (\(line.merchantCode)): \(quantity) units asked, \(left) left"
                )
            }
            return AfterSaleCaseLine(lineID: lineID, quantity: quantity)
        }
        guard !lines.isEmpty else { throw AfterSaleError(code: .badLines, detail: "the case names no lines") }
        return lines
    }
}

extension StoredTrade {
    /// The line with id `id`, or nil.
    func line(_ id: Int64) -> StoredLine? { lines.first { $0.id == id } }
}
