public import ZhangguiCore
import ZhangguiStore

extension ReviewService {
    /// Approves a trade by hand (人工审核): reserves its stock and releases its holds. Holds a clerk may waive
    /// (notes, price, address, phone, refund) are acknowledged; an unmapped line or missing stock still refuses.
    /// - Returns: the ids of the approved trade and of any split parts.
    /// - Parameter audit: who approves; the entry `order.approve` is written in the approval's transaction.
    /// - Throws: ``OrderActionError``; on refusal nothing changes, stock included.
    @discardableResult
    public func approve(tradeID: Int64, companyID: Int64, audit: AuditContext? = nil) throws -> [Int64] {
        try database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            let records = TradeRecords(connection, currency: context.currency)
            let trade = try loadTrade(tradeID, records: records, companyID: companyID)
            try allow(.approve, trade)
            let snapshot = try StockSnapshot.load(
                context: context,
                connection: connection,
                merchantCodes: Set(trade.lines.map(\.merchantCode))
            )
            let built = ReviewFactsBuilder(snapshot: snapshot, checkAddress: checkAddress).facts(for: trade)
            if let unmapped = trade.lines.first(where: {
                snapshot.catalog.entry(forMerchantCode: $0.merchantCode) == nil
            }) {
                throw OrderActionError(
                    code: .unmapped,
                    tradeID: tradeID,
                    detail: "line \(unmapped.lineNo) \(unmapped.merchantCode)"
                )
            }
            var mapped = trade
            mapped.lines = zip(trade.lines, built.lineSKUs).map { $0.with(skuID: $1) }
            var working = snapshot
            guard
                let parts = try Reserver(connection: connection, context: context).reserve(
                    mapped,
                    divisionCode: built.divisionCode,
                    snapshot: &working
                )
            else {
                let shortages = TradeReview.holds(for: built.facts, policy: context.company.policy)
                    .filter { $0.reason == .stockShortage }.map(\.detail)
                throw OrderActionError(
                    code: .insufficientStock,
                    tradeID: tradeID,
                    detail: shortages.isEmpty
                        ? "no warehouse serving the receiver has it all" : shortages.joined(separator: "; ")
                )
            }
            let holds = HoldRecords(connection)
            try records.acknowledge(Set(try holds.open(tradeID: tradeID).map(\.reason)), tradeID: tradeID)
            try holds.releaseAll(tradeID: tradeID)
            let isHighPriority = TradeReview.isHighPriority(built.facts, policy: context.company.policy)
            for (index, id) in parts.enumerated() {
                let lines =
                    index == 0 ? zip(trade.lines, built.lineSKUs).filter { $0.skuID != $1 }.map { ($0.id, $1) } : []
                try records.recordReview(
                    tradeID: id,
                    lineSKUs: lines,
                    divisionCode: built.divisionCode,
                    isHighPriority: isHighPriority,
                    moving: trade.state,
                    to: .approved
                )
            }
            try audit?.recordAction(.approve, trade: trade, to: .approved, in: connection)
            return parts
        }
    }

    /// Holds a trade by hand with a note (手工挂起). A trade that had stock reserved gives it back, and leaves its
    /// shipment if it was in one.
    public func hold(tradeID: Int64, note: String, companyID: Int64, audit: AuditContext? = nil) throws {
        try database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            let records = TradeRecords(connection, currency: context.currency)
            let trade = try loadTrade(tradeID, records: records, companyID: companyID)
            try allow(.hold, trade)
            if trade.state.holdsReservation {
                try ReservationRelease(connection: connection, context: context).release(tradeID: tradeID)
            }
            try HoldRecords(connection).add(
                [Hold(reason: .manual, check: "manual", detail: note.isEmpty ? "held by hand" : note)],
                tradeID: tradeID,
                companyID: companyID
            )
            try records.move(tradeID: tradeID, by: .hold, from: trade.state)
            let noted = note.isEmpty ? nil : note
            try audit?.recordAction(.hold, trade: trade, to: .onHold, note: noted, in: connection)
        }
    }

    /// Releases a held trade back to review (释放). The reasons it was held for are acknowledged, so the next review
    /// does not hold it again for the same notes; stock and mapping are checked again.
    public func release(tradeID: Int64, companyID: Int64, audit: AuditContext? = nil) throws {
        try database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            let records = TradeRecords(connection, currency: context.currency)
            let trade = try loadTrade(tradeID, records: records, companyID: companyID)
            try allow(.release, trade)
            let holds = HoldRecords(connection)
            let reasons = Set(try holds.open(tradeID: tradeID).map(\.reason)).filter(\.canBeOverridden)
            try records.acknowledge(reasons.union(trade.acknowledgedHolds), tradeID: tradeID)
            try holds.releaseAll(tradeID: tradeID)
            try records.move(tradeID: tradeID, by: .release, from: .onHold)
            try audit?.recordAction(.release, trade: trade, to: .pendingReview, in: connection)
        }
    }

    /// Cancels a trade that has not shipped (取消), such as when the buyer withdraws the order or the platform
    /// closes it: reserved stock is given back, the trade leaves its shipment, its holds are closed. A waybill
    /// number already issued stays with its shipment (telling the courier comes with the courier APIs).
    public func cancel(tradeID: Int64, companyID: Int64, audit: AuditContext? = nil) throws {
        try database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            let records = TradeRecords(connection, currency: context.currency)
            let trade = try loadTrade(tradeID, records: records, companyID: companyID)
            try allow(.cancel, trade)
            if trade.state.holdsReservation {
                try ReservationRelease(connection: connection, context: context).release(tradeID: tradeID)
            }
            try HoldRecords(connection).releaseAll(tradeID: tradeID)
            try records.move(tradeID: tradeID, by: .cancel, from: trade.state)
            try audit?.recordAction(.cancel, trade: trade, to: .cancelled, in: connection)
        }
    }

    /// The open holds of a trade, each with its reason, check and detail.
    public func holds(tradeID: Int64, companyID: Int64) throws -> [Hold] {
        try database.read { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            _ = try loadTrade(
                tradeID,
                records: TradeRecords(connection, currency: context.currency),
                companyID: companyID
            )
            return try HoldRecords(connection).open(tradeID: tradeID)
        }
    }

    private func loadTrade(_ id: Int64, records: TradeRecords, companyID: Int64) throws -> StoredTrade {
        guard let trade = try records.trade(id: id, companyID: companyID) else {
            throw OrderActionError(code: .notFound, tradeID: id, detail: "")
        }
        return trade
    }

    private func allow(_ action: TradeAction, _ trade: StoredTrade) throws {
        do {
            _ = try TradeWorkflow.state(after: action, from: trade.state)
        } catch {
            throw OrderActionError(code: .wrongState, tradeID: trade.id, detail: error.description)
        }
    }
}

/// A trade's state (and a hold's note) as the audit log keeps it before and after a clerk's action.
private struct OrderStateSnapshot: Encodable {
    let state: String
    let note: String?
}

extension AuditContext {
    /// Records `order.<action>` on `trade` from its stored state to `state`.
    fileprivate func recordAction(
        _ action: TradeAction,
        trade: StoredTrade,
        to state: TradeState,
        note: String? = nil,
        in connection: any DatabaseConnection
    ) throws {
        try record(
            "order.\(action.rawValue)",
            object: .order(trade.id),
            before: OrderStateSnapshot(state: trade.state.rawValue, note: nil),
            after: OrderStateSnapshot(state: state.rawValue, note: note),
            in: connection
        )
    }
}
