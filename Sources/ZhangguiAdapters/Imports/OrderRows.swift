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

    /// Adds a postage line's amount to the freight of order `key`; a freight beyond ``Limits/totalFen`` refuses
    /// the order instead.
    mutating func addFreight(_ amount: Money, key: String, row: Int, file: String) {
        guard let index = indexByKey[key], let freight = orders[index].trade?.freight else { return }
        guard Int128(freight.fen) + Int128(amount.fen) <= Int128(Limits.totalFen) else {
            let limit = Money(fen: Limits.totalFen).decimalText
            orders[index].issues.append(
                ImportIssue(
                    file: file,
                    row: row,
                    column: "UnitPrice",
                    message: "postage brings the freight above \(limit)"
                )
            )
            return
        }
        orders[index].trade?.freight = freight + amount
    }

    /// Why the order's amounts cannot be stored: a discount above the lines' total, or a total beyond
    /// ``Limits/totalFen``. Summed in 128 bits, so no total can overflow while it is checked.
    static func amountProblem(_ trade: Trade) -> (column: String, message: String)? {
        let lines = trade.lines.reduce(Int128(0)) {
            $0 + Int128($1.unitPrice.fen) * Int128($1.quantity) - Int128($1.discount.fen)
        }
        let total = lines + Int128(trade.freight.fen)
        guard lines <= Int128(Limits.totalFen), total <= Int128(Limits.totalFen) else {
            return ("", "the order's total is more than \(Money(fen: Limits.totalFen).decimalText)")
        }
        guard lines >= Int128(trade.discount.fen) else {
            return ("优惠", "discount \(trade.discount.decimalText) is more than the lines' total")
        }
        return nil
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
            if let trade = order.trade, let problem = Self.amountProblem(trade) {
                issues.append(
                    ImportIssue(
                        file: report.file,
                        row: order.rowNumbers[0],
                        column: problem.column,
                        message: problem.message
                    )
                )
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
