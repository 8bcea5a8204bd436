public import ZhangguiCore
public import ZhangguiStore

/// Units of one line, named by its line number, that a clerk moves to a new part.
public struct LineMove: Sendable, Hashable {
    public var lineNo: Int64
    /// Units to move; nil moves the whole line.
    public var quantity: Int64?

    public init(lineNo: Int64, quantity: Int64? = nil) {
        self.lineNo = lineNo
        self.quantity = quantity
    }
}

/// The two orders a split leaves: the one split from, and the new part.
public struct SplitResult: Sendable, Equatable {
    public let tradeID: Int64
    public let partID: Int64
    public let partSplitSeq: Int64
    public let partState: TradeState
}

/// Manual split (手工拆单): moves whole lines or some of a line's units from an order to a new part of it, so each
/// ships on its own.
///
/// Allowed until the order's parcel has a waybill (``TradeWorkflow/splittable``). The new part starts:
/// - 待审核 when the order waits for review or is held: review checks the part on its own, and the held order keeps
///   its holds;
/// - 已审核 when the order is approved: the reservations of the moved units move with them, exactly;
/// - 已配货 in a parcel of its own when the order is allocated, so that it can be waybilled and shipped apart.
///
/// Money is divided by ``OrderSplit``: unit prices stay, discounts and freight are spread by largest remainder
/// and both orders' amounts sum back to the original's. The split, its stock-ledger entries and its audit entries
/// are one transaction.
public struct OrderSplitService: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Splits `moves` off order `tradeID` into a new part.
    /// - Throws: ``OrderChangeError``: `.notFound` for an order not in the actor's company, `.invalidRequest`
    ///   naming the move at fault (`lines[i].lineNo`, `lines[i].quantity`), `.wrongState` from a waybill on.
    public func split(tradeID: Int64, moving moves: [LineMove], by actor: AuditActor, at now: Int64) throws
        -> SplitResult
    {
        try database.write { connection in
            let context = try CompanyContext.load(actor.companyID, from: connection)
            let records = TradeRecords(connection, currency: context.currency)
            guard let trade = try records.trade(id: tradeID, companyID: context.id) else {
                throw OrderChangeError.notFound(tradeID)
            }
            guard TradeWorkflow.splittable.contains(trade.state) else {
                throw OrderChangeError(
                    .wrongState,
                    "order \(tradeID) is \(trade.state.rawValue) (\(trade.state.chineseName)); an order can be split "
                        + "until its parcel has a waybill"
                )
            }
            let plan = try Self.plan(trade, moves: moves)
            let splitting = SplitWriter(connection: connection, context: context, trade: trade, plan: plan)
            let part = try splitting.write()
            let after = try records.trade(id: tradeID, companyID: context.id)
            let written = try records.trade(id: part.tradeID, companyID: context.id)
            if let after, let written {
                let object = AuditObject(type: "order", id: String(tradeID))
                let snapshot = SplitSnapshot(order: OrderSnapshot(after), part: OrderSnapshot(written))
                try AuditLog.record(
                    "order.split",
                    object: object,
                    before: OrderSnapshot(trade),
                    after: snapshot,
                    by: actor,
                    at: now,
                    in: connection
                )
                try AuditLog.record(
                    "order.split",
                    object: AuditObject(type: "order", id: String(part.tradeID)),
                    after: snapshot,
                    by: actor,
                    at: now,
                    in: connection
                )
            }
            return SplitResult(
                tradeID: tradeID,
                partID: part.tradeID,
                partSplitSeq: written?.splitSeq ?? 0,
                partState: written?.state ?? trade.state
            )
        }
    }

    /// The split of `trade` as asked, the request's line numbers turned into positions.
    static func plan(_ trade: StoredTrade, moves: [LineMove]) throws -> OrderSplit {
        var positioned: [SplitMove] = []
        for (position, move) in moves.enumerated() {
            guard let index = trade.lines.firstIndex(where: { $0.lineNo == move.lineNo }) else {
                throw OrderChangeError(
                    .invalidRequest,
                    field: "lines[\(position)].lineNo",
                    "order \(trade.id) has no line \(move.lineNo)"
                )
            }
            positioned.append(SplitMove(lineIndex: index, quantity: move.quantity))
        }
        do {
            return try OrderSplit(
                lines: trade.lines.map(\.money),
                moves: positioned,
                discount: trade.discount,
                freight: trade.freight
            )
        } catch {
            throw refusal(error, trade: trade, moves: moves)
        }
    }

    private static func refusal(_ refusal: SplitRefusal, trade: StoredTrade, moves: [LineMove]) -> OrderChangeError {
        switch refusal {
        case .nothingToMove:
            OrderChangeError(.invalidRequest, field: "lines", "name at least one line to split off")
        case .unknownLine(let move):
            OrderChangeError(.invalidRequest, field: "lines[\(move)].lineNo", "order \(trade.id) has no such line")
        case .repeatedLine(let move):
            OrderChangeError(
                .invalidRequest,
                field: "lines[\(move)].lineNo",
                "line \(moves[move].lineNo) is named twice"
            )
        case .quantityOutOfRange(let move, let available):
            OrderChangeError(
                .invalidRequest,
                field: "lines[\(move)].quantity",
                "line \(moves[move].lineNo) has \(available) units: move from 1 to \(available)"
            )
        case .wholeOrder:
            OrderChangeError(
                .invalidRequest,
                field: "lines",
                "a split must leave at least one unit on order \(trade.id)"
            )
        }
    }
}
