public import ZhangguiCore
public import ZhangguiStore

/// One line of an opening-stock file (期初库存).
public struct OpeningStockLine: Sendable, Hashable {
    public let row: Int
    public let warehouseCode: String
    public let skuCode: String
    public let quantity: Int64
    /// Cost of one unit, VAT excluded.
    public let unitCost: Money

    public init(row: Int, warehouseCode: String, skuCode: String, quantity: Int64, unitCost: Money) {
        self.row = row
        self.warehouseCode = warehouseCode
        self.skuCode = skuCode
        self.quantity = quantity
        self.unitCost = unitCost
    }
}

/// Bringing existing stock into the books: each SKU's opening quantity per warehouse is taken once, through the
/// stock book, with its value; one voucher debits inventory against paid-in capital for the whole file.
public struct OpeningStockService: Sendable {
    public init() {}

    /// Takes `lines` in the caller's transaction; `handled` hears how many lines were dealt with so far, after each.
    public func receive(
        _ lines: [OpeningStockLine],
        into report: inout ImportReport,
        context: CompanyContext,
        connection: any DatabaseConnection,
        handled: (Int) -> Void = { _ in }
    ) throws {
        let warehouses = Dictionary(
            try CompanyRecords(connection).warehouses(companyID: context.id).map { ($0.warehouse.code, $0.id) },
            uniquingKeysWith: { first, _ in first }
        )
        let catalog = CatalogRecords(connection)
        let book = StockBook(connection, currency: context.currency)
        var total = Money.zero(context.currency)
        for (index, line) in lines.enumerated() {
            defer { handled(index + 1) }
            guard let warehouseID = warehouses[line.warehouseCode] else {
                report.refuse(line.row, column: "仓库", "warehouse \(line.warehouseCode) does not exist")
                continue
            }
            guard let sku = try catalog.find(code: line.skuCode, companyID: context.id) else {
                report.refuse(line.row, column: "商家编码", "SKU \(line.skuCode) is not in the catalogue")
                continue
            }
            guard !sku.isCombo else {
                report.refuse(line.row, column: "商家编码", "\(line.skuCode) is a combo; stock is kept for its components")
                continue
            }
            let value = line.unitCost.times(line.quantity)
            guard Int128(total.fen) + Int128(value.fen) <= Int128(Limits.totalFen) else {
                report.refuse(
                    line.row,
                    column: "数量",
                    "the file's stock value would pass \(Money(fen: Limits.totalFen).decimalText)"
                )
                continue
            }
            let isNew = try book.claimDocument(
                kind: "opening",
                reference: "\(line.warehouseCode)/\(line.skuCode)",
                companyID: context.id
            )
            guard isNew else {
                try compareWithEarlier(
                    line,
                    companyID: context.id,
                    warehouseID: warehouseID,
                    skuID: sku.id,
                    book: book,
                    report: &report
                )
                continue
            }
            try book.post(
                StockPosting(
                    companyID: context.id,
                    warehouseID: warehouseID,
                    skuID: sku.id,
                    change: .receive(line.quantity),
                    cost: .receive(totalCost: value),
                    reason: .opening,
                    document: "opening:\(line.warehouseCode)/\(line.skuCode)"
                )
            )
            total += value
            report.imported += 1
        }
        try postVoucher(total, file: report.file, context: context, connection: connection)
    }

    /// A line taken before is a duplicate when it says the same; a different quantity is refused, because opening
    /// stock is taken once and a change would otherwise be lost without a word.
    private func compareWithEarlier(
        _ line: OpeningStockLine,
        companyID: Int64,
        warehouseID: Int64,
        skuID: Int64,
        book: StockBook,
        report: inout ImportReport
    ) throws {
        let earlier = try book.openingQuantity(companyID: companyID, warehouseID: warehouseID, skuID: skuID)
        guard earlier == line.quantity else {
            report.refuse(
                line.row,
                column: "数量",
                "opening stock of \(line.warehouseCode)/\(line.skuCode) was taken already as \(earlier ?? 0) units; "
                    + "it is taken once"
            )
            return
        }
        report.duplicates += 1
    }

    private func postVoucher(_ total: Money, file: String, context: CompanyContext, connection: any DatabaseConnection)
        throws
    {
        guard !total.isZero else { return }
        let summary = "期初库存 \(file)"
        let voucher = try Voucher(
            summary: summary,
            lines: [
                VoucherLine(summary: summary, accountCode: context.account(.inventory), debit: total),
                VoucherLine(summary: summary, accountCode: context.account(.openingEquity), credit: total),
            ]
        )
        try VoucherRecords(connection).post(
            voucher,
            date: context.calendar.day(of: Clock.nowSeconds()),
            source: "opening:\(file)",
            companyID: context.id
        )
    }
}

extension ImportReport {
    /// Records a refused row.
    public mutating func refuse(_ row: Int, column: String, _ message: String) {
        rowsFailed += 1
        issues.append(ImportIssue(file: file, row: row, column: column, message: message))
    }
}
