public import ZhangguiCore
public import ZhangguiStore

/// Stock documents written by hand: 入库单 bring goods in at a stated cost, 出库单 take them out at moving-average
/// cost. Each document is posted whole in one transaction — its number, every line through the stock book, its
/// voucher, the document itself and its audit entry — or, when anything is refused, not at all.
public struct StockNoteService: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Posts a document.
    /// - Parameters:
    ///   - scope: the warehouses the user may act on; a line in another is refused as an unknown warehouse.
    ///   - actor: who posts it, for the audit log (an entry `stock.receive` or `stock.issue`); nil writes none.
    ///   - now: UTC seconds, for the document, its voucher's day and the audit entry.
    /// - Returns: the posted document, with its number and voucher.
    /// - Throws: ``StockNoteError`` naming the line and field; nothing is stored then.
    public func post(
        _ draft: StockNoteDraft,
        companyID: Int64,
        scope: DataScope = .everything,
        actor: AuditActor? = nil,
        now: Int64
    ) throws -> StockNoteRecord {
        try draft.validate()
        return try database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            let places = try resolve(draft, scope: scope, companyID: companyID, connection: connection)
            let book = StockBook(connection, currency: context.currency)
            if draft.kind == .issue { try checkAvailable(draft, places: places, book: book) }
            let records = StockNoteRecords(connection, currency: context.currency)
            let number = try records.nextNumber(draft.kind, companyID: companyID)
            let document = "\(draft.kind.rawValue):\(number)"
            let lines = try post(draft, places: places, document: document, companyID: companyID, book: book)
            let voucherID = try postVoucher(
                draft,
                number: number,
                lines: lines,
                context: context,
                now: now,
                in: connection
            )
            let note = StockNoteRecord(
                id: 0,
                kind: draft.kind,
                number: number,
                reason: draft.reason,
                reference: draft.reference,
                memo: draft.memo,
                total: lines.map(\.value).sum(currency: context.currency),
                voucher: nil,
                userID: actor?.userID,
                postedAt: now,
                lines: lines
            )
            try records.insert(note, voucherID: voucherID, companyID: companyID)
            if let actor { try audit(note, by: actor, at: now, in: connection) }
            return try records.note(draft.kind, number: number, companyID: companyID, warehouseIDs: nil) ?? note
        }
    }

    /// A page of documents of `kind`, newest first, that the scope lets the user see whole.
    public func notes(
        _ kind: StockNoteKind,
        companyID: Int64,
        scope: DataScope = .everything,
        before: Int64? = nil,
        limit: Int
    ) throws -> [StockNoteRecord] {
        try database.read { connection in
            let currency = try CompanyContext.load(companyID, from: connection).currency
            return try StockNoteRecords(connection, currency: currency).notes(
                kind,
                companyID: companyID,
                warehouseIDs: scope.warehouses.ids,
                before: before,
                limit: limit
            )
        }
    }

    /// The document of `kind` numbered `number`.
    /// - Throws: ``StockNoteError`` `.notFound` when there is none, or the scope does not let the user see it all.
    public func note(_ kind: StockNoteKind, number: String, companyID: Int64, scope: DataScope = .everything) throws
        -> StockNoteRecord
    {
        let found = try database.read { connection in
            let currency = try CompanyContext.load(companyID, from: connection).currency
            return try StockNoteRecords(connection, currency: currency).note(
                kind,
                number: number,
                companyID: companyID,
                warehouseIDs: scope.warehouses.ids
            )
        }
        guard let found else { throw StockNoteError(.notFound, field: "number", "no \(kind.rawValue) \(number)") }
        return found
    }

    /// Each line's warehouse and SKU ids, refusing unknown codes, warehouses outside the scope, and combos.
    private func resolve(
        _ draft: StockNoteDraft,
        scope: DataScope,
        companyID: Int64,
        connection: any DatabaseConnection
    ) throws -> [(warehouseID: Int64, skuID: Int64)] {
        var warehouses: [String: Int64] = [:]
        for (id, warehouse) in try CompanyRecords(connection).warehouses(companyID: companyID)
        where scope.admits(warehouse: id) {
            warehouses[warehouse.code] = id
        }
        let catalog = CatalogRecords(connection)
        return try draft.lines.enumerated().map { index, line in
            guard let warehouseID = warehouses[line.warehouseCode] else {
                throw StockNoteError(
                    .unknownWarehouse,
                    line: index,
                    field: "warehouse",
                    "no warehouse \(line.warehouseCode)"
                )
            }
            guard let sku = try catalog.find(code: line.skuCode, companyID: companyID) else {
                throw StockNoteError(.unknownSKU, line: index, field: "sku", "no SKU \(line.skuCode) in the catalogue")
            }
            guard !sku.isCombo else {
                throw StockNoteError(
                    .comboSKU,
                    line: index,
                    field: "sku",
                    "\(line.skuCode) is a combo; its parts hold stock"
                )
            }
            return (warehouseID, sku.id)
        }
    }

    /// Refuses an issue that wants more of a SKU in a warehouse, over all its lines, than is available; the
    /// error is on the first line of that SKU and warehouse.
    private func checkAvailable(
        _ draft: StockNoteDraft,
        places: [(warehouseID: Int64, skuID: Int64)],
        book: StockBook
    ) throws {
        var wanted: [String: Int64] = [:]
        for (index, line) in draft.lines.enumerated() {
            wanted["\(places[index].warehouseID)/\(places[index].skuID)", default: 0] += line.quantity
        }
        var checked: Set<String> = []
        for (index, line) in draft.lines.enumerated() {
            let key = "\(places[index].warehouseID)/\(places[index].skuID)"
            guard checked.insert(key).inserted else { continue }
            let available = try book.level(warehouseID: places[index].warehouseID, skuID: places[index].skuID).available
            let total = wanted[key] ?? 0
            guard total <= available else {
                let shortage = StockNoteError.Shortage(
                    sku: line.skuCode,
                    warehouse: line.warehouseCode,
                    wanted: total,
                    available: available
                )
                throw StockNoteError.insufficient(shortage, line: index)
            }
        }
    }

    /// Posts every line through the stock book and returns them with the value each moved.
    private func post(
        _ draft: StockNoteDraft,
        places: [(warehouseID: Int64, skuID: Int64)],
        document: String,
        companyID: Int64,
        book: StockBook
    ) throws -> [StockNoteLineRecord] {
        try draft.lines.enumerated().map { index, line in
            let place = places[index]
            let posting = StockPosting(
                companyID: companyID,
                warehouseID: place.warehouseID,
                skuID: place.skuID,
                change: draft.kind == .receipt ? .receive(line.quantity) : .issue(line.quantity),
                cost: line.unitCost.map { .receive(totalCost: $0.times(line.quantity)) } ?? .issue,
                reason: draft.kind == .receipt ? .receipt : .issue,
                document: document
            )
            let value: Money
            do {
                value = try book.post(posting)
            } catch let error as StockError {
                let shortage = StockNoteError.Shortage(
                    sku: line.skuCode,
                    warehouse: line.warehouseCode,
                    wanted: line.quantity,
                    available: error.level.available
                )
                throw StockNoteError.insufficient(shortage, line: index)
            }
            return StockNoteLineRecord(
                lineNo: Int64(index + 1),
                warehouseID: place.warehouseID,
                warehouseCode: line.warehouseCode,
                skuID: place.skuID,
                skuCode: line.skuCode,
                quantity: line.quantity,
                unitCost: line.unitCost,
                value: value
            )
        }
    }

    /// Records the posted document in the audit log, in the transaction that posts it.
    private func audit(
        _ note: StockNoteRecord,
        by actor: AuditActor,
        at now: Int64,
        in connection: any DatabaseConnection
    )
        throws
    {
        try AuditLog.record(
            note.kind == .receipt ? "stock.receive" : "stock.issue",
            object: AuditObject(type: "stockNote", id: note.number),
            after: AuditedNote(note),
            by: actor,
            at: now,
            in: connection
        )
    }

    private func postVoucher(
        _ draft: StockNoteDraft,
        number: String,
        lines: [StockNoteLineRecord],
        context: CompanyContext,
        now: Int64,
        in connection: any DatabaseConnection
    ) throws -> Int64? {
        guard
            let voucher = try StockNoteVoucher.make(
                kind: draft.kind,
                reason: draft.reason,
                number: number,
                values: lines.map { ($0.skuCode, $0.value) },
                standard: context.company.standard,
                currency: context.currency
            )
        else { return nil }
        return try VoucherRecords(connection).post(
            voucher,
            date: context.calendar.day(of: now),
            source: "\(draft.kind.rawValue):\(number)",
            companyID: context.id
        )
    }
}

/// A posted document as the audit log keeps it.
private struct AuditedNote: Encodable {
    struct Line: Encodable {
        let warehouse: String
        let sku: String
        let quantity: Int64
        let unitCostFen: Int64?
        let valueFen: Int64
    }

    let number: String
    let reason: String
    let reference: String
    let totalFen: Int64
    let lines: [Line]

    init(_ note: StockNoteRecord) {
        number = note.number
        reason = note.reason.rawValue
        reference = note.reference
        totalFen = note.total.fen
        lines = note.lines.map {
            Line(
                warehouse: $0.warehouseCode,
                sku: $0.skuCode,
                quantity: $0.quantity,
                unitCostFen: $0.unitCost?.fen,
                valueFen: $0.value.fen
            )
        }
    }
}
