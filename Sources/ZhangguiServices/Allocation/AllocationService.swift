public import ZhangguiCore
public import ZhangguiStore

/// What an allocation run did.
public struct AllocationSummary: Sendable, Equatable, Encodable {
    public var trades = 0
    /// Shipments created or joined.
    public var shipments = 0
    /// Trades that joined a shipment another trade had started (合单).
    public var merged = 0

    public init() {}

    mutating func add(_ other: AllocationSummary) {
        trades += other.trades
        shipments += other.shipments
        merged += other.merged
    }
}

/// Allocation (配货): puts approved trades into shipments. Trades of one shop to the same receiver — same name,
/// phone and address — shipping from the same warehouse go into one shipment under one waybill (合单); trades to
/// different receivers never share one, because the receiver is part of the shipment's key. The parts of one
/// split order are never merged back automatically (a clerk can, with ``ParcelService``).
public struct AllocationService: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Allocates every approved trade of the shops and warehouses `scope` admits (a trade's warehouse is the one its
    /// stock is reserved in), in batches of `batchSize`, one transaction each.
    /// - Parameters:
    ///   - tradeIDs: only these trades (the ones ticked on the order desk), when given; nil takes every approved one.
    ///     Only the id range they span is read.
    ///   - audit: who allocates; each batch that allocated something writes `fulfilment.allocate` with its counts
    ///     in its own transaction.
    public func allocateApproved(
        companyID: Int64,
        scope: DataScope = .everything,
        tradeIDs: Set<Int64>? = nil,
        batchSize: Int = 1000,
        audit: AuditContext? = nil
    ) throws -> AllocationSummary {
        var summary = AllocationSummary()
        var afterID: Int64 = (tradeIDs?.min() ?? 1) - 1
        let lastWanted = tradeIDs?.max() ?? Int64.max
        if tradeIDs?.isEmpty == true { return summary }
        while true {
            // A write may run again after a conflict with another writer: counted apart, kept once committed.
            let (count, lastID, counted) = try database.write { connection -> (Int, Int64, AllocationSummary) in
                var counted = AllocationSummary()
                let context = try CompanyContext.load(companyID, from: connection)
                let trades = try TradeRecords(connection, currency: context.currency)
                    .batch(companyID: companyID, state: .approved, afterID: afterID, limit: batchSize)
                let chosen = tradeIDs.map { wanted in trades.filter { wanted.contains($0.id) } } ?? trades
                try allocate(chosen, scope: scope, context: context, connection: connection, summary: &counted)
                if counted.trades > 0 {
                    let batch = AuditObject.batch(companyID: companyID)
                    try audit?.record("fulfilment.allocate", object: batch, after: counted, in: connection)
                }
                return (trades.count, trades.last?.id ?? afterID, counted)
            }
            summary.add(counted)
            afterID = lastID
            if count < batchSize || afterID >= lastWanted { return summary }
        }
    }

    private func allocate(
        _ trades: [StoredTrade],
        scope: DataScope,
        context: CompanyContext,
        connection: any DatabaseConnection,
        summary: inout AllocationSummary
    ) throws {
        guard let first = trades.first?.id, let last = trades.last?.id else { return }
        let fulfilment = FulfilmentRecords(connection)
        let warehouses = try fulfilment.reservedWarehouses(companyID: context.id, trades: first...last)
        for trade in trades {
            guard let warehouseID = warehouses[trade.id] else {
                throw OrderActionError(code: .wrongState, tradeID: trade.id, detail: "approved without reservations")
            }
            guard scope.admits(shop: trade.shopID), scope.admits(warehouse: warehouseID) else { continue }
            let key = Self.mergeKey(trade)
            let shipment = try fulfilment.openShipment(
                mergeKey: key,
                warehouseID: warehouseID,
                order: (trade.shopID, trade.platformOrderID),
                companyID: context.id
            )
            if shipment.isNew { summary.shipments += 1 } else { summary.merged += 1 }
            try fulfilment.allocate(tradeID: trade.id, shipmentID: shipment.id)
            summary.trades += 1
        }
    }

    /// The shipment key: shop and every field of the receiver, so only identical receivers share a parcel.
    static func mergeKey(_ trade: StoredTrade) -> String {
        let receiver = trade.receiver
        return [
            String(trade.shopID), receiver.name, receiver.phone, receiver.province, receiver.city, receiver.district,
            receiver.address,
        ]
        .map { $0.trimmed }.joined(separator: "\u{1F}")
    }
}
