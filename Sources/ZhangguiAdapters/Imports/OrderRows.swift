import ZhangguiCore
import ZhangguiServices

/// Rows that belong to one order, gathered while reading a file where each row is one order line.
struct OrderRows {
    let key: String
    var rowNumbers: [Int] = []
    var trade: Trade?
    var issues: [ImportIssue] = []
}

/// Groups order lines into trades by key, keeping the order of first appearance. An order with any bad row is
/// refused whole — importing part of an order would ship the buyer less than they paid for.
struct OrderAssembler {
    private var orders: [OrderRows] = []
    private var indexByKey: [String: Int] = [:]

    /// Whether no row of order `key` has been added yet: only then are its order-level cells read.
    func isNew(_ key: String) -> Bool {
        indexByKey[key] == nil
    }

    /// Adds one row's line to the order `key`; `header` builds the trade from its first row.
    mutating func add(
        key: String,
        row: Int,
        line: TradeLine?,
        issues: [ImportIssue],
        header: () -> Trade?
    ) {
        let index =
            indexByKey[key]
            ?? {
                orders.append(OrderRows(key: key))
                indexByKey[key] = orders.count - 1
                return orders.count - 1
            }()
        orders[index].rowNumbers.append(row)
        orders[index].issues += issues
        if orders[index].trade == nil, orders[index].issues.isEmpty { orders[index].trade = header() }
        if let line, orders[index].issues.isEmpty { orders[index].trade?.lines.append(line) }
    }

    /// Applies `change` to the trade of order `key` (freight or discount lines of export files).
    mutating func amend(key: String, _ change: (inout Trade) -> Void) {
        guard let index = indexByKey[key], orders[index].trade != nil else { return }
        change(&orders[index].trade!)
    }

    /// The good trades, and the report filled with the refused orders' rows and issues.
    func finish(into report: inout ImportReport) -> [Trade] {
        var trades: [Trade] = []
        for order in orders {
            var issues = order.issues
            if let trade = order.trade, trade.lines.isEmpty {
                issues.append(
                    ImportIssue(
                        file: report.file,
                        row: order.rowNumbers[0],
                        column: "",
                        message: "order has no goods lines"
                    )
                )
            }
            if let trade = order.trade, trade.goodsAmount.fen < 0 {
                let message = "discount \(trade.discount.decimalText) is more than the lines' total"
                issues.append(ImportIssue(file: report.file, row: order.rowNumbers[0], column: "优惠", message: message))
            }
            if issues.isEmpty, let trade = order.trade {
                trades.append(trade)
                continue
            }
            report.rowsFailed += order.rowNumbers.count
            report.issues += issues
            let rows = order.rowNumbers.map(String.init).joined(separator: ", ")
            let place = order.rowNumbers.count == 1 ? "row \(rows)" : "rows \(rows)"
            report.issues.append(
                ImportIssue(
                    file: report.file,
                    row: order.rowNumbers[0],
                    column: "",
                    message: "order \(order.key) (\(place)) not imported because of the errors above"
                )
            )
        }
        return trades
    }
}
