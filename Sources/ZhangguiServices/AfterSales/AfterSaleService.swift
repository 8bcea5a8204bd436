public import ZhangguiCore
public import ZhangguiStore

/// After-sales (售后): the cases customer service works — 仅退款, 退货退款, 换货, 补发 — opened by hand or from the
/// platforms' requests. Every move goes through ``AfterSaleWorkflow`` (the allowed transitions as data), is guarded
/// against a concurrent move (`WHERE state = <expected>`), and writes its audit entry in its own transaction, with
/// what the move books: the refund's voucher, the returned goods back into stock, the replacement order.
public struct AfterSaleService: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Opens a case on a shipped trade.
    /// - Throws: ``AfterSaleError``: `notFound` (trade or line), `notShipped`, `badLines`, `badQuantity` (more
    ///   than is left of the line after earlier cases), `badAmount` (refund below zero or above what the lines
    ///   sold for).
    public func open(_ draft: AfterSaleDraft, companyID: Int64, audit: AuditContext) throws -> AfterSaleCaseRecord {
        try database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            let id = try open(draft, platformAfterSaleID: nil, context: context, connection: connection)
            let opened = try stored(id, context: context, connection: connection)
            try audit.record("afterSale.open", object: .afterSale(id), after: AfterSaleSnapshot(opened), in: connection)
            return opened
        }
    }

    /// Opens a case for every platform request that arrived after its order shipped and has none yet, on the
    /// order's shipped trade, with every line of it.
    /// - Returns: the ids of the new cases.
    public func openFromPlatform(companyID: Int64, audit: AuditContext) throws -> [Int64] {
        try database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            let records = AfterSaleCaseRecords(connection, currency: context.currency)
            let trades = TradeRecords(connection, currency: context.currency)
            var opened: [Int64] = []
            for request in try records.unopenedPlatformRequests(companyID: companyID) {
                let shipped = try trades.ids(platformOrderID: request.platformOrderID, companyID: companyID)
                    .compactMap { try trades.trade(id: $0, companyID: companyID) }
                    .first { $0.shopID == request.shopID && $0.state == .shipped }
                guard let shipped else { continue }
                let draft = AfterSaleDraft(
                    tradeID: shipped.id,
                    kind: request.kind,
                    refund: request.kind.refundsMoney ? min(request.amount, shipped.lines.map(\.net).sum()) : nil,
                    reason: request.reason
                )
                let id = try open(draft, platformAfterSaleID: request.id, context: context, connection: connection)
                let snapshot = try records.find(id, companyID: companyID).map(AfterSaleSnapshot.init)
                try audit.record("afterSale.open", object: .afterSale(id), after: snapshot, in: connection)
                opened.append(id)
            }
            return opened
        }
    }

    /// Moves a case by `action`: agree, await the return, refund (books the reversal of revenue and output VAT),
    /// reship (makes the replacement order), close, refuse or cancel. Receiving a return is
    /// ``receiveReturn(caseID:conditions:companyID:audit:)``.
    /// - Throws: ``AfterSaleError`` `illegalTransition` naming the state, or `notFound`.
    public func perform(_ action: AfterSaleAction, caseID: Int64, companyID: Int64, audit: AuditContext) throws
        -> AfterSaleCaseRecord
    {
        if action == .receive {
            return try receiveReturn(caseID: caseID, conditions: [:], companyID: companyID, audit: audit)
        }
        return try move(caseID, by: action, companyID: companyID, audit: audit) { step in
            switch action {
            case .refund: try step.bookRefund()
            case .reship: try step.makeReplacement()
            default: break
            }
        }
    }

    /// Receives a case's returned goods into the warehouse they left from, each line as sellable (default) or
    /// defective, at the cost the line left with, and reverses that cost from the cost of goods sold.
    /// - Parameter conditions: per trade line id; lines not named come back sellable.
    public func receiveReturn(
        caseID: Int64,
        conditions: [Int64: ReturnCondition],
        companyID: Int64,
        audit: AuditContext
    ) throws -> AfterSaleCaseRecord {
        try move(caseID, by: .receive, companyID: companyID, audit: audit) { step in
            try step.receiveGoods(conditions: conditions)
        }
    }

    /// The company's cases, newest first.
    public func cases(companyID: Int64, state: AfterSaleState? = nil, limit: Int = 100) throws
        -> [AfterSaleCaseRecord]
    {
        try database.read { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            return try AfterSaleCaseRecords(connection, currency: context.currency)
                .list(companyID: companyID, state: state, limit: limit)
        }
    }

    /// One case, or nil.
    public func find(_ caseID: Int64, companyID: Int64) throws -> AfterSaleCaseRecord? {
        try database.read { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            return try AfterSaleCaseRecords(connection, currency: context.currency).find(caseID, companyID: companyID)
        }
    }

    /// Checks the move, runs its bookings, stores the new state and the audit entry, in one transaction.
    private func move(
        _ caseID: Int64,
        by action: AfterSaleAction,
        companyID: Int64,
        audit: AuditContext,
        bookings: (AfterSaleStep) throws -> Void
    ) throws -> AfterSaleCaseRecord {
        try database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            let records = AfterSaleCaseRecords(connection, currency: context.currency)
            guard let before = try records.find(caseID, companyID: companyID) else {
                throw AfterSaleError(code: .notFound, detail: "no after-sales case \(caseID)")
            }
            let next = try AfterSaleWorkflow.next(after: action, from: before.state, kind: before.kind)
            guard
                let trade = try TradeRecords(connection, currency: context.currency)
                    .trade(id: before.tradeID, companyID: companyID)
            else { throw AfterSaleError(code: .notFound, detail: "no order \(before.tradeID)") }
            try bookings(AfterSaleStep(case: before, trade: trade, context: context, connection: connection))
            let now = Clock.nowSeconds()
            guard try records.move(caseID, from: before.state, to: next, at: now) else {
                throw AfterSaleError(code: .illegalTransition, detail: "case \(caseID) was changed meanwhile")
            }
            let after = try stored(caseID, context: context, connection: connection)
            try audit.record(
                "afterSale.\(action.rawValue)",
                object: .afterSale(caseID),
                before: AfterSaleSnapshot(before),
                after: AfterSaleSnapshot(after),
                in: connection
            )
            return after
        }
    }
}

extension AfterSaleService {
    /// The case `id` as stored in this transaction.
    fileprivate func stored(_ id: Int64, context: CompanyContext, connection: any DatabaseConnection) throws
        -> AfterSaleCaseRecord
    {
        guard
            let found = try AfterSaleCaseRecords(connection, currency: context.currency).find(id, companyID: context.id)
        else { throw AfterSaleError(code: .notFound, detail: "no after-sales case \(id)") }
        return found
    }
}

extension AuditObject {
    /// An after-sales case, by its id.
    public static func afterSale(_ id: Int64) -> AuditObject { AuditObject(type: "afterSale", id: String(id)) }
}

/// What the audit log keeps of a case.
struct AfterSaleSnapshot: Encodable {
    let kind: String
    let state: String
    let tradeID: Int64
    let refundFen: Int64
    let lines: [AfterSaleCaseLine]
    let replacementTradeID: Int64?

    init(_ record: AfterSaleCaseRecord) {
        kind = record.kind.rawValue
        state = record.state.rawValue
        tradeID = record.tradeID
        refundFen = record.refund.fen
        lines = record.lines
        replacementTradeID = record.replacementTradeID
    }
}
