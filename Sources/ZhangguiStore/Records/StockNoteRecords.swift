public import ZhangguiCore

/// One line of a posted stock document.
public struct StockNoteLineRecord: Sendable, Hashable {
    public let lineNo: Int64
    public let warehouseID: Int64
    public let warehouseCode: String
    public let skuID: Int64
    public let skuCode: String
    public let quantity: Int64
    /// What one unit cost, as stated on a receipt; nil on an issue, which leaves at the moving average.
    public let unitCost: Money?
    /// What the line moved: quantity × unit cost on a receipt, the moving-average cost on an issue.
    public let value: Money

    public init(
        lineNo: Int64,
        warehouseID: Int64,
        warehouseCode: String,
        skuID: Int64,
        skuCode: String,
        quantity: Int64,
        unitCost: Money?,
        value: Money
    ) {
        self.lineNo = lineNo
        self.warehouseID = warehouseID
        self.warehouseCode = warehouseCode
        self.skuID = skuID
        self.skuCode = skuCode
        self.quantity = quantity
        self.unitCost = unitCost
        self.value = value
    }
}

/// A posted stock document, 入库单 or 出库单, with its lines.
public struct StockNoteRecord: Sendable, Hashable {
    public let id: Int64
    public let kind: StockNoteKind
    /// Such as `RK-000001`: per company and kind, without gaps.
    public let number: String
    public let reason: StockNoteReason
    /// The clerk's reference, such as the supplier's delivery note; may be empty.
    public let reference: String
    public let memo: String
    public let total: Money
    /// The voucher, such as `记-2026-12-3`; nil when the goods were worth nothing.
    public let voucher: String?
    /// The user who posted it; nil from the command line.
    public let userID: Int64?
    /// UTC seconds.
    public let postedAt: Int64
    public let lines: [StockNoteLineRecord]

    public init(
        id: Int64,
        kind: StockNoteKind,
        number: String,
        reason: StockNoteReason,
        reference: String,
        memo: String,
        total: Money,
        voucher: String?,
        userID: Int64?,
        postedAt: Int64,
        lines: [StockNoteLineRecord]
    ) {
        self.id = id
        self.kind = kind
        self.number = number
        self.reason = reason
        self.reference = reference
        self.memo = memo
        self.total = total
        self.voucher = voucher
        self.userID = userID
        self.postedAt = postedAt
        self.lines = lines
    }

    /// The `document` of its stock-ledger entries and the `source` of its voucher, such as `receipt:RK-000001`.
    public var document: String { "\(kind.rawValue):\(number)" }
}

/// The SQL of stock documents: their numbers, their rows, and reading them back.
public struct StockNoteRecords {
    let connection: any DatabaseConnection
    let currency: Currency

    public init(_ connection: any DatabaseConnection, currency: Currency) {
        self.connection = connection
        self.currency = currency
    }

    /// The next number of a document of `kind` in the company, taken in the caller's transaction: a document that
    /// is refused rolls back and leaves no gap.
    public func nextNumber(_ kind: StockNoteKind, companyID: Int64) throws -> String {
        if let row = try connection.queryOne(
            """
            UPDATE stock_note_sequences SET last_number = last_number + 1 WHERE company_id = ? AND kind = ?
            RETURNING last_number
            """,
            companyID,
            kind.rawValue
        ) {
            return kind.number(row.int(0))
        }
        try connection.execute(
            "INSERT INTO stock_note_sequences (company_id, kind, last_number) VALUES (?, ?, 1)",
            companyID,
            kind.rawValue
        )
        return kind.number(1)
    }

    /// Stores a posted document and its lines; `id` and `voucher` of `note` are ignored.
    /// - Returns: the document's id.
    @discardableResult
    public func insert(_ note: StockNoteRecord, voucherID: Int64?, companyID: Int64) throws -> Int64 {
        let id =
            try connection.queryOne(
                """
                INSERT INTO stock_notes (company_id, kind, number, reason, reference, memo, total_fen, voucher_id,
                                         user_id, posted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                companyID,
                note.kind.rawValue,
                note.number,
                note.reason.rawValue,
                note.reference,
                note.memo,
                note.total.fen,
                voucherID,
                note.userID,
                note.postedAt
            )?.int(0) ?? 0
        for line in note.lines {
            try connection.execute(
                """
                INSERT INTO stock_note_lines (company_id, note_id, line_no, warehouse_id, sku_id, quantity,
                                              unit_cost_fen, value_fen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                companyID,
                id,
                line.lineNo,
                line.warehouseID,
                line.skuID,
                line.quantity,
                line.unitCost?.fen,
                line.value.fen
            )
        }
        return id
    }

    /// A page of the company's documents of `kind` by id, newest first, each with its lines.
    /// - Parameters:
    ///   - warehouseIDs: the warehouses the reader may see, nil for all; a document is shown only when every one
    ///     of its lines is in one of them.
    ///   - before: only documents with a smaller id (the cursor of the previous page).
    public func notes(
        _ kind: StockNoteKind,
        companyID: Int64,
        warehouseIDs: Set<Int64>?,
        before: Int64? = nil,
        limit: Int
    ) throws -> [StockNoteRecord] {
        try headers(
            "n.company_id = ? AND n.kind = ? AND n.id < ?",
            [companyID, kind.rawValue, before ?? Int64.max],
            warehouseIDs: warehouseIDs,
            limit: limit
        )
    }

    /// The document numbered `number`, or nil when the company has none of `kind` by that number or the reader
    /// may not see all its warehouses.
    public func note(_ kind: StockNoteKind, number: String, companyID: Int64, warehouseIDs: Set<Int64>?) throws
        -> StockNoteRecord?
    {
        try headers(
            "n.company_id = ? AND n.kind = ? AND n.number = ?",
            [companyID, kind.rawValue, number],
            warehouseIDs: warehouseIDs,
            limit: 1
        ).first
    }

    private func headers(
        _ condition: String,
        _ arguments: [any SQLBindable],
        warehouseIDs: Set<Int64>?,
        limit: Int
    ) throws -> [StockNoteRecord] {
        // The ids are integers from the principal's scope, never text from a request.
        let scope = warehouseIDs.map { ids in
            let list = ([-1] + ids.sorted()).map(String.init).joined(separator: ", ")
            return " AND NOT EXISTS (SELECT 1 FROM stock_note_lines l WHERE l.note_id = n.id "
                + "AND l.warehouse_id NOT IN (\(list)))"
        }
        let rows = try connection.query(
            """
            SELECT n.id, n.kind, n.number, n.reason, n.reference, n.memo, n.total_fen, v.period, v.number,
                   n.user_id, n.posted_at
            FROM stock_notes n LEFT JOIN vouchers v ON v.id = n.voucher_id
            WHERE \(condition)\(scope ?? "") ORDER BY n.id DESC LIMIT ?
            """,
            arguments + [limit]
        )
        let lines = try self.lines(noteIDs: rows.map { $0.int(0) })
        return rows.map { row in
            StockNoteRecord(
                id: row.int(0),
                kind: StockNoteKind(rawValue: row.string(1)) ?? .receipt,
                number: row.string(2),
                reason: StockNoteReason(rawValue: row.string(3)) ?? .other,
                reference: row.string(4),
                memo: row.string(5),
                total: Money(fen: row.int(6), currency: currency),
                voucher: row.optionalString(7).map { "记-\($0)-\(row.int(8))" },
                userID: row.optionalInt(9),
                postedAt: row.int(10),
                lines: lines[row.int(0)] ?? []
            )
        }
    }

    private func lines(noteIDs: [Int64]) throws -> [Int64: [StockNoteLineRecord]] {
        guard !noteIDs.isEmpty else { return [:] }
        var result: [Int64: [StockNoteLineRecord]] = [:]
        let list = noteIDs.map(String.init).joined(separator: ", ")
        try connection.forEach(
            """
            SELECT l.note_id, l.line_no, l.warehouse_id, w.code, l.sku_id, s.code, l.quantity, l.unit_cost_fen,
                   l.value_fen
            FROM stock_note_lines l JOIN warehouses w ON w.id = l.warehouse_id JOIN skus s ON s.id = l.sku_id
            WHERE l.note_id IN (\(list)) ORDER BY l.note_id, l.line_no
            """,
            []
        ) { row in
            result[row.int(0), default: []].append(
                StockNoteLineRecord(
                    lineNo: row.int(1),
                    warehouseID: row.int(2),
                    warehouseCode: row.string(3),
                    skuID: row.int(4),
                    skuCode: row.string(5),
                    quantity: row.int(6),
                    unitCost: row.optionalInt(7).map { Money(fen: $0, currency: currency) },
                    value: Money(fen: row.int(8), currency: currency)
                )
            )
        }
        return result
    }
}
