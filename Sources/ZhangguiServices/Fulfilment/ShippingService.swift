public import ZhangguiStore
import ZhangguiCore

/// What a shipping run did.
public struct ShippingSummary: Sendable, Equatable {
    public var shipments = 0
    public var trades = 0
    public var units: Int64 = 0
    /// Revenue without VAT, output VAT and cost of goods booked, in fen.
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
                for shipment in shipments {
                    try ship(shipment, context: context, connection: connection, summary: &summary)
                }
                return shipments.count
            }
            if count < batchSize { return summary }
        }
    }

    private func ship(
        _ shipment: ShipmentRecord,
        context: CompanyContext,
        connection: any DatabaseConnection,
        summary: inout ShippingSummary
    ) throws {
        let fulfilment = FulfilmentRecords(connection)
        let records = TradeRecords(connection, currency: context.currency)
        let now = Clock.nowSeconds()
        for tradeID in try fulfilment.tradeIDs(shipmentID: shipment.id, state: .waybilled) {
            guard let trade = try records.trade(id: tradeID, companyID: context.id) else { continue }
            let lines = try issueStock(for: trade, context: context, connection: connection)
            let voucher = try SalesVoucher.make(
                platformOrderID: trade.platformOrderID,
                lines: lines,
                freight: trade.freight,
                context: context
            )
            try VoucherRecords(connection).post(
                voucher,
                date: context.calendar.day(of: now),
                source: "trade:\(tradeID)",
                companyID: context.id
            )
            try fulfilment.clearReservations(tradeID: tradeID)
            try records.setState(.shipped, tradeID: tradeID, expected: .waybilled)
            summary.trades += 1
            summary.units += trade.lines.reduce(0) { $0 + $1.quantity }
            summary.revenueFen += voucher.lines.filter { $0.accountCode == context.account(.salesRevenue) }
                .reduce(0) { $0 + $1.credit.fen }
            summary.costFen += lines.reduce(0) { $0 + $1.cost.fen }
        }
        try fulfilment.markShipped(shipmentID: shipment.id, at: now)
        summary.shipments += 1
    }

    /// Takes each reserved unit out of stock and returns the lines with their cost of goods.
    private func issueStock(for trade: StoredTrade, context: CompanyContext, connection: any DatabaseConnection)
        throws -> [ShippedLine]
    {
        let book = StockBook(connection, currency: context.currency)
        var costByLine: [Int64: Money] = [:]
        for reservation in try FulfilmentRecords(connection).reservations(tradeID: trade.id) {
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
            ShippedLine(
                skuCode: line.merchantCode,
                net: line.net,
                cost: costByLine[line.id] ?? .zero(context.currency)
            )
        }
    }
}
