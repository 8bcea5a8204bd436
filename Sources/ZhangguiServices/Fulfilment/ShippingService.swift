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
/// reservation is used up, and a balanced voucher books receivable, revenue, output VAT, cost and inventory —
/// all in one transaction per batch, so a crash leaves either all of a shipment booked or none of it.
public struct ShippingService: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Ships every waybilled shipment, `batchSize` shipments per transaction.
    public func shipWaybilled(companyID: Int64, batchSize: Int = 500) throws -> ShippingSummary {
        var summary = ShippingSummary()
        while true {
            let count = try database.write { connection in
                let context = try CompanyContext.load(companyID, from: connection)
                let shipments = try FulfilmentRecords(connection)
                    .shipments(companyID: companyID, tradeState: .waybilled, limit: batchSize)
                guard let first = shipments.first?.id, let last = shipments.last?.id else { return 0 }
                let batch = ShippingBatch(connection: connection, context: context, shipments: first...last)
                try batch.ship(shipments, summary: &summary)
                return shipments.count
            }
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
        for trade in trades {
            try ship(trade, reservations: reservations[trade.id] ?? [], at: now, summary: &summary)
        }
        let fulfilment = FulfilmentRecords(connection)
        for shipment in records {
            try fulfilment.markShipped(shipmentID: shipment.id, at: now)
            summary.shipments += 1
        }
    }

    private func ship(_ trade: StoredTrade, reservations: [Reservation], at now: Int64, summary: inout ShippingSummary)
        throws
    {
        let lines = try issueStock(for: trade, reservations: reservations)
        let voucher = try SalesVoucher.make(
            platformOrderID: trade.platformOrderID,
            lines: lines,
            freight: trade.freight,
            context: context
        )
        try VoucherRecords(connection).post(
            voucher,
            date: context.calendar.day(of: now),
            source: "trade:\(trade.id)",
            companyID: context.id
        )
        try FulfilmentRecords(connection).clearReservations(tradeID: trade.id)
        try TradeRecords(connection, currency: context.currency).setState(
            .shipped,
            tradeID: trade.id,
            expected: .waybilled
        )
        summary.trades += 1
        summary.units += trade.lines.reduce(0) { $0 + $1.quantity }
        summary.revenueFen +=
            voucher.lines.filter { $0.accountCode == context.account(.salesRevenue) }
            .reduce(0) { $0 + $1.credit.fen }
        summary.costFen += lines.reduce(0) { $0 + $1.cost.fen }
    }

    /// Takes each reserved unit out of stock and returns the lines with their cost of goods.
    private func issueStock(for trade: StoredTrade, reservations: [Reservation]) throws -> [ShippedLine] {
        let book = StockBook(connection, currency: context.currency)
        var costByLine: [Int64: Money] = [:]
        for reservation in reservations {
            let cost = try book.post(
                StockPosting(
                    companyID: context.id,
                    warehouseID: reservation.warehouseID,
                    skuID: reservation.skuID,
                    change: .ship(reservation.quantity),
                    cost: .issue,
                    reason: .shipment,
                    document: "trade:\(trade.id)"
                )
            )
            costByLine[reservation.lineID, default: .zero(context.currency)] += cost
        }
        return trade.lines.map { line in
            ShippedLine(skuCode: line.merchantCode, net: line.net, cost: costByLine[line.id] ?? .zero(context.currency))
        }
    }
}
