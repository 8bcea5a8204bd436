public import ZhangguiCore

/// One line of a stock document as a clerk writes it: which SKU, in which warehouse, how many, and on a receipt
/// what one unit cost.
public struct StockNoteLineDraft: Sendable, Hashable {
    public var warehouseCode: String
    /// The SKU's code (商家编码); a combo is refused, its components hold the stock.
    public var skuCode: String
    public var quantity: Int64
    /// What one unit cost without VAT; required on a receipt, absent on an issue (it leaves at moving average).
    public var unitCost: Money?

    public init(warehouseCode: String, skuCode: String, quantity: Int64, unitCost: Money? = nil) {
        self.warehouseCode = warehouseCode
        self.skuCode = skuCode
        self.quantity = quantity
        self.unitCost = unitCost
    }
}

/// A stock document (入库单 or 出库单) before it is posted.
public struct StockNoteDraft: Sendable, Hashable {
    /// The most lines one document may have.
    public static let maximumLines = 500
    /// The most characters of a reference.
    public static let maximumReferenceLength = 64
    /// The most characters of a memo.
    public static let maximumMemoLength = 500

    public var kind: StockNoteKind
    public var reason: StockNoteReason
    /// The clerk's reference, such as the supplier's delivery note number.
    public var reference: String
    public var memo: String
    public var lines: [StockNoteLineDraft]

    public init(
        kind: StockNoteKind,
        reason: StockNoteReason,
        reference: String = "",
        memo: String = "",
        lines: [StockNoteLineDraft]
    ) {
        self.kind = kind
        self.reason = reason
        self.reference = reference
        self.memo = memo
        self.lines = lines
    }

    /// Refuses what is wrong without looking at the database: the reason for the kind, the texts' lengths, the
    /// number of lines, each quantity and unit cost, and a receipt's total.
    /// - Throws: ``StockNoteError`` naming the first problem, its line and field.
    public func validate() throws(StockNoteError) {
        guard kind.reasons.contains(reason) else {
            let allowed = kind.reasons.map(\.rawValue).joined(separator: ", ")
            throw StockNoteError(.reasonNotAllowed, field: "reason", "a \(kind.rawValue) gives one of \(allowed)")
        }
        guard reference.count <= Self.maximumReferenceLength else {
            throw StockNoteError(.textTooLong, field: "reference", "at most \(Self.maximumReferenceLength) characters")
        }
        guard memo.count <= Self.maximumMemoLength else {
            throw StockNoteError(.textTooLong, field: "memo", "at most \(Self.maximumMemoLength) characters")
        }
        guard !lines.isEmpty else { throw StockNoteError(.noLines, field: "lines", "a document needs a line") }
        guard lines.count <= Self.maximumLines else {
            throw StockNoteError(.tooManyLines, field: "lines", "at most \(Self.maximumLines) lines")
        }
        var total: Int128 = 0
        for (index, line) in lines.enumerated() {
            try validate(line, at: index)
            total += Int128(line.unitCost?.fen ?? 0) * Int128(line.quantity)
        }
        guard total <= Int128(Limits.totalFen) else {
            let limit = Money(fen: Limits.totalFen).decimalText
            throw StockNoteError(.totalTooLarge, field: "lines", "the document's value would pass \(limit)")
        }
    }

    private func validate(_ line: StockNoteLineDraft, at index: Int) throws(StockNoteError) {
        guard !line.warehouseCode.isEmpty else {
            throw StockNoteError(.unknownWarehouse, line: index, field: "warehouse", "a warehouse code is needed")
        }
        guard !line.skuCode.isEmpty else {
            throw StockNoteError(.unknownSKU, line: index, field: "sku", "a SKU code is needed")
        }
        guard (1...Limits.quantity).contains(line.quantity) else {
            throw StockNoteError(.badQuantity, line: index, field: "quantity", "must be from 1 to \(Limits.quantity)")
        }
        switch (kind, line.unitCost) {
        case (.receipt, nil):
            throw StockNoteError(.missingUnitCost, line: index, field: "unitCost", "a receipt states each unit's cost")
        case (.receipt, let cost?) where !(0...Limits.amountFen).contains(cost.fen):
            let limit = Money(fen: Limits.amountFen).decimalText
            throw StockNoteError(.badUnitCost, line: index, field: "unitCost", "must be from 0.00 to \(limit) yuan")
        case (.issue, _?):
            throw StockNoteError(
                .unexpectedUnitCost,
                line: index,
                field: "unitCost",
                "an issue leaves at the moving-average cost; leave the unit cost out"
            )
        default: break
        }
    }
}
