public import ZhangguiCore
public import ZhangguiStore

/// What a shipping run did.
public struct ShippingSummary: Sendable, Equatable, Encodable {
    public var shipments = 0
    public var trades = 0
    public var units: Int64 = 0
    /// Revenue without VAT and cost of goods booked, in fen.
    public var revenueFen: Int64 = 0
    public var costFen: Int64 = 0
    /// Waybilled parcels passed over because the company ships only packed parcels and these were not packed.
    public var unpacked = 0

    public init() {}

    mutating func add(_ other: ShippingSummary) {
        shipments += other.shipments
        trades += other.trades
        units += other.units
        revenueFen += other.revenueFen
        costFen += other.costFen
        unpacked += other.unpacked
    }
}

/// Shipping (发货): the parcel leaves. Stock goes out through the stock book at moving-average cost, the
/// reservation is used up, and a balanced summary voucher books receivable, revenue, output VAT, cost and
/// inventory for the batch — all in one transaction per batch, so a crash leaves either all of a batch booked or
/// none of it.
public struct ShippingService: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Ships every waybilled shipment of the shops and warehouses `scope` admits, `batchSize` shipments per
    /// transaction.
    /// - Parameters:
    ///   - tradeIDs: only the parcels holding one of these trades (the ones ticked on the order desk), when given;
    ///     nil takes every waybilled parcel.
    ///   - audit: who ships; each batch that shipped something writes `fulfilment.ship` with its summary in its own
    ///     transaction.
    public func shipWaybilled(
        companyID: Int64,
        scope: DataScope = .everything,
        tradeIDs: Set<Int64>? = nil,
        batchSize: Int = 500,
        audit: AuditContext? = nil
    ) throws -> ShippingSummary {
        var summary = ShippingSummary()
        let wanted = try tradeIDs.map { ids in
            try database.read { try FulfilmentRecords($0).shipmentIDs(ofTrades: ids, companyID: companyID) }
        }
        if wanted?.isEmpty == true { return summary }
        var after: Int64 = (wanted?.min() ?? 1) - 1
        let lastWanted = wanted?.max() ?? Int64.max
        while true {
            // A write may run again after a conflict with another writer: counted apart, kept once committed.
            let (count, last, counted) = try database.write { connection -> (Int, Int64, ShippingSummary) in
                var counted = ShippingSummary()
                let context = try CompanyContext.load(companyID, from: connection)
                let shipments = try FulfilmentRecords(connection)
                    .shipmentsToShip(companyID: companyID, after: after, limit: batchSize)
                let packed = try Self.packedOnly(shipments, companyID: companyID, connection: connection)
                if let packed {
                    counted.unpacked =
                        shipments.filter {
                            scope.admits($0) && !packed.contains($0.id) && (wanted?.contains($0.id) ?? true)
                        }.count
                }
                let admits = { (shipment: ShipmentRecord) in
                    scope.admits(shipment) && (packed.map { $0.contains(shipment.id) } ?? true)
                        && (wanted?.contains(shipment.id) ?? true)
                }
                for run in Self.runs(of: shipments, admittedBy: admits) {
                    guard let first = run.first?.id, let last = run.last?.id else { continue }
                    let batch = ShippingBatch(connection: connection, context: context, shipments: first...last)
                    try batch.ship(run, summary: &counted)
                }
                if counted.shipments > 0 {
                    let batch = AuditObject.batch(companyID: companyID)
                    try audit?.record("fulfilment.ship", object: batch, after: counted, in: connection)
                }
                return (shipments.count, shipments.last?.id ?? after, counted)
            }
            summary.add(counted)
            after = last
            if count < batchSize || after >= lastWanted { return summary }
        }
    }

    /// The shipments `scope` admits, in runs of neighbours in `shipments` (every shipment to ship, in id order):
    /// the id range of a run then holds no shipment to ship outside the scope, so it can be shipped by range.
    static func runs(of shipments: [ShipmentRecord], admittedBy admits: (ShipmentRecord) -> Bool)
        -> [[ShipmentRecord]]
    {
        var runs: [[ShipmentRecord]] = [[]]
        for shipment in shipments {
            if admits(shipment) {
                runs[runs.count - 1].append(shipment)
            } else if !(runs.last?.isEmpty ?? true) {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// The packed shipments among `shipments` when the company ships only packed parcels, read in the shipping
    /// transaction (a parcel packed after it committed waits for the next run); nil when packing is not required.
    static func packedOnly(_ shipments: [ShipmentRecord], companyID: Int64, connection: any DatabaseConnection)
        throws -> Set<Int64>?
    {
        let records = PackingRecords(connection)
        guard try records.requiresPacking(companyID: companyID) else { return nil }
        guard let first = shipments.first?.id, let last = shipments.last?.id else { return [] }
        return try records.packed(companyID: companyID, shipments: first...last)
    }
}

/// One transaction's worth of shipments, with their trades and reservations loaded up front.
private struct ShippingBatch {
    let connection: any DatabaseConnection
    let context: CompanyContext
    let shipments: ClosedRange<Int64>

    func ship(_ records: [ShipmentRecord], summary: inout ShippingSummary) throws {
        let trades = try TradeRecords(connection, currency: context.currency)
            .trades(companyID: context.id, state: .waybilled, shipments: shipments)
        let reservations = try FulfilmentRecords(connection)
            .reservations(companyID: context.id, state: .waybilled, shipments: shipments)
        let now = Clock.nowSeconds()
        let costs = try issueStock(for: trades, reservations: reservations)
        let codes = try CatalogRecords(connection).index(companyID: context.id, currency: context.currency).codeByID
        var voucher = SalesVoucher(context: context)
        for trade in trades {
            let lines = trade.lines.map { line in
                ShippedLine(
                    skuCode: line.skuID.flatMap { codes[$0] } ?? line.merchantCode,
                    net: line.net,
                    cost: costs[line.id] ?? .zero(context.currency)
                )
            }
            voucher.add(lines: lines, freight: trade.freight)
            summary.trades += 1
            summary.units += trade.lines.reduce(0) { $0 + $1.quantity }
            summary.costFen += lines.reduce(0) { $0 + $1.cost.fen }
        }
        summary.revenueFen += voucher.revenue.fen
        let date = context.calendar.day(of: now)
        if let posted = try voucher.voucher(date: date) {
            let source = "shipments:\(shipments.lowerBound)-\(shipments.upperBound)"
            try VoucherRecords(connection).post(posted, date: date, source: source, companyID: context.id)
        }
        // The platforms hear of it through the outbox, written here so a shipped parcel is always told, once.
        try ShipmentUploadRecords(connection).enqueue(companyID: context.id, shipments: shipments)
        try FulfilmentRecords(connection).markShipped(companyID: context.id, shipments: shipments, at: now)
        summary.shipments += records.count
    }

    /// Takes each reserved unit of the batch out of stock and returns the cost of goods per trade line id.
    private func issueStock(for trades: [StoredTrade], reservations: [Int64: [Reservation]]) throws -> [Int64: Money] {
        let shipped = trades.flatMap { reservations[$0.id] ?? [] }
        let postings = shipped.map { reservation in
            StockPosting(
                companyID: context.id,
                warehouseID: reservation.warehouseID,
                skuID: reservation.skuID,
                change: .ship(reservation.quantity),
                cost: .issue,
                reason: .shipment,
                document: "trade:\(reservation.tradeID)"
            )
        }
        let values = try StockBook(connection, currency: context.currency).postIssues(postings)
        var costByLine: [Int64: Money] = [:]
        var recorded: [ShippedCost] = []
        recorded.reserveCapacity(shipped.count)
        for (reservation, value) in zip(shipped, values) {
            costByLine[reservation.lineID, default: .zero(context.currency)] += value
            recorded.append(
                ShippedCost(
                    tradeID: reservation.tradeID,
                    lineID: reservation.lineID,
                    warehouseID: reservation.warehouseID,
                    skuID: reservation.skuID,
                    quantity: reservation.quantity,
                    cost: value
                )
            )
        }
        // Returns come back at the cost each line left with (docs/AFTER-SALES.md).
        try ShippedCostRecords(connection).record(recorded, companyID: context.id)
        return costByLine
    }
}
