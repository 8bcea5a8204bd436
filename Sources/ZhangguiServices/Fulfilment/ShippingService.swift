import ZhangguiCore
public import ZhangguiStore

/// What a shipping run did.
public struct ShippingSummary: Sendable, Equatable {
    public var shipments = 0
    public var trades = 0
    public var units: Int64 = 0
    /// Revenue without VAT and cost of goods booked, in fen.
    public var revenueFen: Int64 = 0
    public var costFen: Int64 = 0

    public init() {}
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

    /// Ships every waybilled shipment, `batchSize` shipments per transaction.
    public func shipWaybilled(companyID: Int64, batchSize: Int = 500) throws -> ShippingSummary {
        var summary = ShippingSummary()
        while true {
            // A write may run again after a conflict with another writer: count into a copy, kept once committed.
            let (count, counted) = try database.write { connection -> (Int, ShippingSummary) in
                var counted = summary
                let context = try CompanyContext.load(companyID, from: connection)
                let shipments = try FulfilmentRecords(connection)
                    .shipmentsToShip(companyID: companyID, limit: batchSize)
                guard let first = shipments.first?.id, let last = shipments.last?.id else { return (0, counted) }
                let batch = ShippingBatch(connection: connection, context: context, shipments: first...last)
                try batch.ship(shipments, summary: &counted)
                return (shipments.count, counted)
            }
            summary = counted
            if count < batchSize { return summary }
        }
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
        for (reservation, value) in zip(shipped, values) {
            costByLine[reservation.lineID, default: .zero(context.currency)] += value
        }
        return costByLine
    }
}
