public import ZhangguiCore
public import ZhangguiStore

/// The figures of `zhanggui report` and of the demo's summary.
public struct SalesSummary: Sendable {
    public var orders: Int64 = 0
    public var splitParts: Int64 = 0
    public var highPriority: Int64 = 0
    public var tradesByState: [String: Int64] = [:]
    public var heldByReason: [(reason: HoldReason, trades: Int64)] = []
    public var shipments: Int64 = 0
    public var mergedShipments: Int64 = 0
    public var onHand: Int64 = 0
    public var reserved: Int64 = 0
    public var stockValueFen: Int64 = 0
    /// Revenue net of VAT and cost of goods, from the posted vouchers.
    public var revenueFen: Int64 = 0
    public var costFen: Int64 = 0
    public var topSKUs: [(sku: String, revenue: Int64, cost: Int64)] = []
}

/// Reads the summary of orders, stock and the books.
public struct SalesReport: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func summary(companyID: Int64, top: Int) throws -> SalesSummary {
        try database.read { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            let queries = ReportQueries(connection)
            var summary = SalesSummary()
            (summary.orders, summary.splitParts, summary.highPriority) = try queries.orderCounts(companyID: companyID)
            summary.tradesByState = try queries.tradesByState(companyID: companyID)
            summary.heldByReason = try HoldRecords(connection).countsByReason(companyID: companyID)
            (summary.shipments, summary.mergedShipments) = try queries.shipmentCounts(companyID: companyID)
            let stock = try queries.stockTotals(companyID: companyID)
            (summary.onHand, summary.reserved, summary.stockValueFen) = (stock.onHand, stock.reserved, stock.value)
            let revenue = context.account(.salesRevenue)
            let cost = context.account(.costOfGoodsSold)
            summary.revenueFen = try queries.accountTotal(revenue, debitNormal: false, companyID: companyID)
            summary.costFen = try queries.accountTotal(cost, debitNormal: true, companyID: companyID)
            summary.topSKUs = try queries.marginBySKU(
                revenueAccount: revenue,
                costAccount: cost,
                companyID: companyID,
                limit: top
            )
            return summary
        }
    }
}
