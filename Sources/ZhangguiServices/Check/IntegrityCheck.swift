import ZhangguiCore
public import ZhangguiStore

/// The outcome of `zhanggui check`: every difference found, or none.
public struct IntegrityReport: Sendable, Equatable {
    public var stockPlaces = 0
    public var ledgerEntries: Int64 = 0
    public var vouchers: Int64 = 0
    public var voucherLines: Int64 = 0
    /// Sum of all debits minus all credits over every account: zero when the books balance.
    public var trialBalanceFen: Int64 = 0
    /// Each difference, in words naming the warehouse, SKU, voucher or account.
    public var differences: [String] = []

    public var isClean: Bool { differences.isEmpty }

    public init() {}
}

/// Proves the books are whole: every stock balance equals its ledger rebuilt from scratch, every reserved
/// quantity is backed by open reservations, every SKU's cost equals the values its ledger entries carried,
/// every voucher balances, the inventory account equals the value of the stock, and every stock document moved
/// what its lines say.
public struct IntegrityCheck: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func run(companyID: Int64) throws -> IntegrityReport {
        try database.read { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            let queries = IntegrityQueries(connection)
            var report = IntegrityReport()
            try compareStock(queries, companyID: companyID, into: &report)
            try compareCosts(queries, companyID: companyID, into: &report)
            try compareVouchers(queries, connection: connection, context: context, into: &report)
            try checkTrades(queries, companyID: companyID, into: &report)
            try compareStockNotes(queries, companyID: companyID, into: &report)
            try compareReturns(queries, context: context, into: &report)
            let guards =
                Migrator.appendOnlyGuards(connection.dialect)
                + (Migrator.accountGuards(connection.dialect) + Migrator.labelGuards(connection.dialect)
                + Migrator.packingGuards(connection.dialect))
                .map { (name: $0, definition: String?.none) }
                + Migrator.stockNoteGuards(connection.dialect)
            for problem in try queries.guardProblems(expected: guards) {
                report.differences.append("\(problem): what it guards can be changed")
            }
            return report
        }
    }

    private func compareStock(_ queries: IntegrityQueries, companyID: Int64, into report: inout IntegrityReport) throws
    {
        let balances = try queries.balances(companyID: companyID)
        let ledger = try queries.ledgerTotals(companyID: companyID)
        let reservations = try queries.reservationTotals(companyID: companyID)
        report.stockPlaces = balances.count
        report.ledgerEntries = try queries.ledgerEntryCount(companyID: companyID)
        for place in Set(balances.keys).union(ledger.keys).sorted(by: { $0.description < $1.description }) {
            let balance = balances[place] ?? StockLevel()
            let rebuilt = ledger[place] ?? StockLevel()
            if balance != rebuilt {
                report.differences.append(
                    "stock \(place): balance on hand \(balance.onHand) reserved \(balance.reserved) frozen "
                        + "\(balance.frozen), ledger gives \(rebuilt.onHand) / \(rebuilt.reserved) / \(rebuilt.frozen)"
                )
            }
            if balance.reserved != reservations[place] ?? 0 {
                report.differences.append(
                    "stock \(place): reserved \(balance.reserved), open reservations \(reservations[place] ?? 0)"
                )
            }
        }
    }

    private func compareCosts(_ queries: IntegrityQueries, companyID: Int64, into report: inout IntegrityReport) throws
    {
        let costs = try queries.costs(companyID: companyID)
        let ledger = try queries.ledgerCosts(companyID: companyID)
        for sku in Set(costs.keys).union(ledger.keys).sorted() {
            let stored = costs[sku] ?? (0, 0)
            let rebuilt = ledger[sku] ?? (0, 0)
            if stored.quantity != rebuilt.quantity || stored.value != rebuilt.value {
                report.differences.append(
                    "cost \(sku): \(stored.quantity) units worth \(yuan(stored.value)), ledger gives \(rebuilt.quantity) "
                        + "worth \(yuan(rebuilt.value))"
                )
            }
        }
    }

    private func checkTrades(_ queries: IntegrityQueries, companyID: Int64, into report: inout IntegrityReport) throws {
        let name = { (order: String, part: Int64) in part > 0 ? "\(order)-\(part)" : order }
        for trade in try queries.tradesWithWrongReservations(companyID: companyID) {
            let holds = ["approved", "allocated", "waybilled"].contains(trade.state)
            report.differences.append(
                "order \(name(trade.order, trade.splitSeq)) is \(trade.state) but "
                    + (holds ? "has no stock reserved" : "still has stock reserved")
            )
        }
        for trade in try queries.inconsistentTrades(companyID: companyID) {
            report.differences.append("order \(name(trade.order, trade.splitSeq)) \(trade.problem)")
        }
        for trade in try queries.shippedTradesWithoutLedger(companyID: companyID) {
            report.differences.append("order \(name(trade.order, trade.splitSeq)) is shipped but no stock left for it")
        }
        for shipment in try queries.emptyOpenShipments(companyID: companyID) {
            report.differences.append("shipment \(shipment) holds no orders")
        }
    }

    private func compareVouchers(
        _ queries: IntegrityQueries,
        connection: any DatabaseConnection,
        context: CompanyContext,
        into report: inout IntegrityReport
    ) throws {
        let counts = try queries.voucherCounts(companyID: context.id)
        report.vouchers = counts.vouchers
        report.voucherLines = counts.lines
        for voucher in try queries.unbalancedVouchers(companyID: context.id) {
            report.differences.append(
                "voucher \(voucher.voucher): debits \(yuan(voucher.debits)), credits \(yuan(voucher.credits))"
            )
        }
        let balances = try VoucherRecords(connection).balances(companyID: context.id)
        report.trialBalanceFen = balances.values.reduce(0, +)
        if report.trialBalanceFen != 0 {
            report.differences.append("trial balance is off by \(yuan(report.trialBalanceFen))")
        }
        let inventory = balances[context.account(.inventory)] ?? 0
        let stockValue = try queries.costs(companyID: context.id).values.reduce(0) { $0 + $1.value }
        if inventory != stockValue {
            report.differences.append(
                "account \(context.account(.inventory)) holds \(yuan(inventory)), the stock is worth \(yuan(stockValue))"
            )
        }
    }
}

/// An amount in fen as yuan with two decimals, for the check's messages.
private func yuan(_ fen: Int64) -> String {
    Money(fen: fen).decimalText
}
