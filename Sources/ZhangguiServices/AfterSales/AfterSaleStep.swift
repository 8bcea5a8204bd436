import ZhangguiCore
import ZhangguiStore

/// What one move of a case books, inside the move's transaction: the refund's voucher, the returned goods, the
/// replacement order.
struct AfterSaleStep {
    let `case`: AfterSaleCaseRecord
    let trade: StoredTrade
    let context: CompanyContext
    let connection: any DatabaseConnection

    private var document: String { "after-sale:\(self.case.id)" }
    private var currency: Currency { context.currency }

    /// 退款: reverses revenue and output VAT for the refund, in red (negative on their original side): the refund
    /// is spread over the case's lines by what each sold for, each part split from its VAT as shipping split it.
    func bookRefund() throws {
        let refund = self.case.refund
        guard !refund.isZero else { return }
        let codes = try CatalogRecords(connection).index(companyID: context.id, currency: currency).codeByID
        let lines = self.case.lines.compactMap { caseLine in trade.line(caseLine.lineID).map { ($0, caseLine) } }
        let parts = refund.spread(over: lines.map { $0.0.amount(forUnits: $0.1.quantity).fen })
        let summary = "售后退款 \(trade.platformOrderID) 售后单\(self.case.id)"
        var voucherLines: [VoucherLine] = []
        var tax = Money.zero(currency)
        for ((line, _), part) in zip(lines, parts) {
            let split = VATSplit(inclusive: part, rateBasisPoints: context.company.vatRateBasisPoints)
            voucherLines.append(
                VoucherLine(
                    summary: summary,
                    accountCode: context.account(.salesRevenue),
                    credit: Money(fen: -split.net.fen, currency: currency),
                    skuCode: line.skuID.flatMap { codes[$0] } ?? line.merchantCode
                )
            )
            tax += split.tax
        }
        voucherLines.append(
            VoucherLine(summary: summary, accountCode: context.account(.outputVAT), credit: negative(tax))
        )
        voucherLines.append(
            VoucherLine(summary: summary, accountCode: context.account(.receivable), debit: negative(refund))
        )
        try post(Voucher(summary: summary, lines: voucherLines))
    }

    /// 退货入库: the case's units back into the warehouse each left from, at the cost it left with — sellable units
    /// into available stock, defective ones held back (frozen) — and that cost out of the cost of goods sold, in
    /// red: Dr 库存商品, Dr 主营业务成本 (negative).
    /// - Throws: ``AfterSaleError`` `badLines` naming a line in `conditions` the case does not cover; nothing is
    ///   received then.
    func receiveGoods(conditions: [Int64: ReturnCondition]) throws {
        try requireCaseLines(conditions.keys)
        let shipped = try shippedCosts()
        let codes = try CatalogRecords(connection).index(companyID: context.id, currency: currency).codeByID
        let book = StockBook(connection, currency: currency)
        let records = AfterSaleCaseRecords(connection, currency: currency)
        var costBySKU: [String: Money] = [:]
        for caseLine in self.case.lines {
            guard let line = trade.line(caseLine.lineID) else { continue }
            let condition = conditions[caseLine.lineID] ?? .sellable
            let portions = ReturnPortions(
                of: shipped.filter { $0.lineID == line.id },
                line: line,
                units: caseLine.quantity
            )
            guard !portions.items.isEmpty else {
                throw AfterSaleError(
                    code: .notShipped,
                    detail: "line \(line.lineNo) (\(line.merchantCode)) has no recorded shipping cost"
                )
            }
            for item in portions.items {
                try book.post(
                    StockPosting(
                        companyID: context.id,
                        warehouseID: item.warehouseID,
                        skuID: item.skuID,
                        change: condition == .sellable
                            ? .receive(item.quantity) : StockChange(onHand: item.quantity, frozen: item.quantity),
                        cost: .receive(totalCost: item.cost),
                        reason: .customerReturn,
                        document: document
                    )
                )
                costBySKU[codes[item.skuID] ?? line.merchantCode, default: .zero(currency)] += item.cost
            }
            try records.setCondition(condition, caseID: self.case.id, lineID: line.id)
        }
        try bookReturnedCost(costBySKU)
    }

    /// Refuses a condition given for a line the case does not cover, naming it as the order shows it.
    private func requireCaseLines(_ lineIDs: some Collection<Int64>) throws {
        let covered = Set(self.case.lines.map(\.lineID))
        let strangers = lineIDs.filter { !covered.contains($0) }.sorted()
        guard let first = strangers.first else { return }
        let name = trade.line(first).map { "line \($0.lineNo) (\($0.merchantCode))" } ?? "line id \(first)"
        let coveredNumbers = self.case.lines.compactMap { trade.line($0.lineID)?.lineNo }.sorted()
        throw AfterSaleError(
            code: .badLines,
            detail: "\(name) is not in case \(self.case.id); it covers line\(coveredNumbers.count == 1 ? "" : "s") "
                + coveredNumbers.map(String.init).joined(separator: ", ")
        )
    }

    /// What the trade's lines left with: as shipping recorded it, or read from the stock ledger for a trade shipped
    /// before line costs were recorded.
    private func shippedCosts() throws -> [ShippedCost] {
        let records = ShippedCostRecords(connection)
        let recorded = try records.costs(tradeID: trade.id, companyID: context.id, currency: currency)
        guard recorded.isEmpty else { return recorded }
        return try records.costsFromLedger(
            tradeID: trade.id,
            lines: trade.lines.map { ($0.id, $0.skuID) },
            companyID: context.id,
            currency: currency
        )
    }

    private func bookReturnedCost(_ costBySKU: [String: Money]) throws {
        guard costBySKU.values.contains(where: { !$0.isZero }) else { return }
        let summary = "退货入库 \(trade.platformOrderID) 售后单\(self.case.id)"
        var lines: [VoucherLine] = []
        for sku in costBySKU.keys.sorted() {
            let cost = costBySKU[sku]!
            lines.append(
                VoucherLine(summary: summary, accountCode: context.account(.inventory), debit: cost, skuCode: sku)
            )
            lines.append(
                VoucherLine(
                    summary: summary,
                    accountCode: context.account(.costOfGoodsSold),
                    debit: negative(cost),
                    skuCode: sku
                )
            )
        }
        try post(Voucher(summary: summary, lines: lines))
    }

    /// 换货 / 补发: a new order to the same receiver with the case's lines at no charge, waiting for review like
    /// any order, numbered `<order>-AS<case>` and linked to the case.
    func makeReplacement() throws {
        let lines = self.case.lines.compactMap { caseLine in
            trade.line(caseLine.lineID).map {
                TradeLine(
                    merchantCode: $0.merchantCode,
                    name: $0.name,
                    quantity: caseLine.quantity,
                    unitPrice: .zero(currency)
                )
            }
        }
        let now = Clock.nowSeconds()
        let replacement = Trade(
            platformOrderID: "\(trade.platformOrderID)-AS\(self.case.id)",
            shopCode: "",
            orderedAt: now,
            paidAt: now,
            receiver: trade.receiver,
            lines: lines,
            sellerMemo: "\(self.case.kind.chineseName) 售后单\(self.case.id)"
        )
        let origin = TradeOrigin(
            companyID: context.id,
            shopID: trade.shopID,
            businessDate: context.calendar.day(of: now),
            source: "afterSale"
        )
        guard
            let id = try TradeRecords(connection, currency: currency).insert(
                replacement,
                origin: origin,
                state: .pendingReview
            )
        else {
            throw AfterSaleError(code: .duplicate, detail: "order \(replacement.platformOrderID) exists already")
        }
        try AfterSaleCaseRecords(connection, currency: currency).setReplacement(tradeID: id, caseID: self.case.id)
    }

    private func negative(_ money: Money) -> Money { Money(fen: -money.fen, currency: currency) }

    private func post(_ voucher: Voucher) throws {
        let date = context.calendar.day(of: Clock.nowSeconds())
        try VoucherRecords(connection).post(voucher, date: date, source: document, companyID: context.id)
    }
}

/// The units and cost of a return of `units` of a trade line, taken from what the line left with: each SKU's
/// share of the line (a combo's parts in proportion), from the warehouses in the order they shipped, each portion
/// at its part of the recorded cost (rounded half up; a whole line comes back at exactly what it left with).
struct ReturnPortions {
    struct Item {
        let warehouseID: Int64
        let skuID: Int64
        let quantity: Int64
        let cost: Money
    }

    let items: [Item]

    init(of shipped: [ShippedCost], line: StoredLine, units: Int64) {
        var items: [Item] = []
        let skus = shipped.map(\.skuID).reduce(into: [Int64]()) { if !$0.contains($1) { $0.append($1) } }
        for sku in skus {
            let rows = shipped.filter { $0.skuID == sku }
            var wanted = rows.reduce(0) { $0 + $1.quantity } * units / line.quantity
            for row in rows where wanted > 0 {
                let taken = min(wanted, row.quantity)
                let fen =
                    taken == row.quantity
                    ? row.cost.fen : (2 * row.cost.fen * taken + row.quantity) / (2 * row.quantity)
                items.append(
                    Item(
                        warehouseID: row.warehouseID,
                        skuID: sku,
                        quantity: taken,
                        cost: Money(fen: fen, currency: row.cost.currency)
                    )
                )
                wanted -= taken
            }
        }
        self.items = items
    }
}
