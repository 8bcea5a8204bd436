public import ZhangguiCore
public import ZhangguiStore

/// What a review run did.
public struct ReviewSummary: Sendable, Equatable {
    public var reviewed = 0
    /// Trades approved with stock reserved (split parts not counted separately).
    public var approved = 0
    /// Extra trades created by splitting across warehouses.
    public var splitParts = 0
    public var held = 0
    /// Trades held, per reason (a trade held for two reasons counts under both).
    public var heldByReason: [HoldReason: Int] = [:]
    public var highPriority = 0

    public init() {}

    /// Adds another summary's counts to this one.
    mutating func add(_ other: ReviewSummary) {
        reviewed += other.reviewed
        approved += other.approved
        splitParts += other.splitParts
        held += other.held
        heldByReason.merge(other.heldByReason, uniquingKeysWith: +)
        highPriority += other.highPriority
    }
}

/// A review batch as the audit log records it.
private struct ReviewBatch: Encodable {
    let reviewed: Int
    let approved: Int
    let held: Int

    init(_ summary: ReviewSummary) {
        reviewed = summary.reviewed
        approved = summary.approved
        held = summary.held
    }
}

/// Review (审单): the automatic checks over pending trades, and the clerk's approve, hold and release.
///
/// Approving reserves stock in the same transaction, so an approved trade always has its goods promised; two
/// clerks approving the last units at once cannot both succeed.
public struct ReviewService: Sendable {
    let database: any Database
    let checkAddress: AddressChecker

    public init(database: any Database, checkAddress: @escaping AddressChecker) {
        self.database = database
        self.checkAddress = checkAddress
    }

    /// Reviews every trade waiting for review: holds those a check objects to, approves and reserves the rest.
    /// Works in batches of `batchSize` trades, one transaction each, one savepoint per trade.
    /// Orders of shops outside `scope` are left waiting; with `audit`, each batch that reviewed something is one
    /// `orders.review` entry with its counts, in the batch's transaction.
    public func reviewPending(
        companyID: Int64,
        batchSize: Int = 500,
        scope: DataScope = .everything,
        audit: AuditContext? = nil
    ) throws -> ReviewSummary {
        var summary = ReviewSummary()
        var afterID: Int64 = 0
        while true {
            // A write may run again after a conflict with another writer: count into a copy, kept once committed.
            let (batchEnd, counted) = try database.write { connection -> (Int64?, ReviewSummary) in
                var counted = summary
                let context = try CompanyContext.load(companyID, from: connection)
                let trades = try TradeRecords(connection, currency: context.currency)
                    .batch(companyID: companyID, state: .pendingReview, afterID: afterID, limit: batchSize)
                guard let last = trades.last else { return (nil, counted) }
                let admitted = trades.filter { scope.admits(shop: $0.shopID) }
                guard !admitted.isEmpty else { return (last.id, counted) }
                var snapshot = try StockSnapshot.load(context: context, connection: connection)
                var batch = ReviewSummary()
                for trade in admitted {
                    try review(trade, context: context, connection: connection, snapshot: &snapshot, summary: &batch)
                }
                try audit?.record(
                    "orders.review",
                    object: .batch(companyID: companyID),
                    after: ReviewBatch(batch),
                    in: connection
                )
                counted.add(batch)
                return (last.id, counted)
            }
            summary = counted
            guard let batchEnd else { return summary }
            afterID = batchEnd
        }
    }

    private func review(
        _ trade: StoredTrade,
        context: CompanyContext,
        connection: any DatabaseConnection,
        snapshot: inout StockSnapshot,
        summary: inout ReviewSummary
    ) throws {
        summary.reviewed += 1
        let built = ReviewFactsBuilder(snapshot: snapshot, checkAddress: checkAddress).facts(for: trade)
        let isHighPriority = TradeReview.isHighPriority(built.facts, policy: context.company.policy)
        if isHighPriority { summary.highPriority += 1 }
        let records = TradeRecords(connection, currency: context.currency)
        let changedLines = zip(trade.lines, built.lineSKUs).filter { $0.skuID != $1 }.map { ($0.id, $1) }
        let record = { (id: Int64, lines: [(lineID: Int64, skuID: Int64?)], next: TradeState) in
            try records.recordReview(
                tradeID: id,
                lineSKUs: lines,
                divisionCode: built.divisionCode,
                isHighPriority: isHighPriority,
                moving: .pendingReview,
                to: next
            )
        }
        var holds = TradeReview.holds(for: built.facts, policy: context.company.policy)
            .filter { !trade.acknowledgedHolds.contains($0.reason) }
        if holds.isEmpty {
            var reviewed = trade
            reviewed.lines = zip(trade.lines, built.lineSKUs).map { $0.with(skuID: $1) }
            let reviewedTrade = reviewed
            let parts = try connection.savepoint {
                try Reserver(connection: connection, context: context).reserve(
                    reviewedTrade,
                    divisionCode: built.divisionCode,
                    snapshot: &snapshot
                )
            }
            if let parts {
                try record(trade.id, changedLines, .approved)
                for id in parts.dropFirst() { try record(id, [], .approved) }
                summary.approved += 1
                summary.splitParts += parts.count - 1
                return
            }
            holds = [
                Hold(reason: .stockShortage, check: "stock", detail: "no warehouse serving the receiver has it all")
            ]
        }
        try record(trade.id, changedLines, .onHold)
        try HoldRecords(connection).add(holds, tradeID: trade.id, companyID: context.id)
        summary.held += 1
        for reason in Set(holds.map(\.reason)) { summary.heldByReason[reason, default: 0] += 1 }
    }
}
