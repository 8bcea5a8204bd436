import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// Review of waiting orders, and the order list.
enum OrderCommands {
    static let review = Command(
        name: "review",
        summary: "run the automatic checks on orders waiting for review; approve and reserve the clean ones",
        help: """
            Usage: zhanggui review

            Checks every order waiting for review (待审核): unmapped SKU, stock shortage, price below cost or below
            30 % of list price, invalid province/city/district, invalid phone, buyer note or seller memo, refund in
            progress. Orders a check objects to go on hold (挂起) with each reason and the check that raised it;
            the rest are approved and their stock reserved in the warehouse chosen by priority and region — split
            across warehouses when no single one can fill them. Orders above 1,000 yuan are tagged high priority.
            """
    ) { arguments in
        let workspace = Workspace(arguments)
        let checker = try workspace.addressBook().checker
        let (database, companyID) = try workspace.openCompany()
        let summary = try ReviewService(database: database, checkAddress: checker).reviewPending(companyID: companyID)
        Output.line(
            "reviewed \(Output.count(summary.reviewed)): approved \(Output.count(summary.approved)) "
                + "(split parts \(summary.splitParts)), held \(Output.count(summary.held)), "
                + "high priority \(Output.count(summary.highPriority))"
        )
        for (reason, count) in summary.heldByReason.sorted(by: { $0.value > $1.value }) {
            Output.line("  held for \(reason.chineseName) (\(reason.rawValue)): \(Output.count(count))")
        }
        return 0
    }

    static let orders = Command(
        name: "orders",
        summary: "list orders with their shop, state and hold reasons",
        help: """
            Usage: zhanggui orders [--state STATE] [--limit N]

            Lists orders oldest first, at most N (default 50); a last line says when there are more. STATE is one
            of pendingReview 待审核, onHold 挂起, approved 已审核, allocated 已配货, waybilled 已打单, shipped 已发货,
            cancelled 已取消 (either name). Held orders show each reason with the check that raised it; a high-
            priority order is marked '!', and parts of a split order are shown as ORDER-1, ORDER-2 ….
            `zhanggui order ORDER` shows one order in detail.
            """,
        options: ["state", "limit"]
    ) { arguments in
        let state = try arguments.option("state").map(tradeState(named:))
        let limit = try arguments.integer("limit", default: 50)
        let (database, companyID) = try Workspace(arguments).openCompany()
        let rows = try database.read {
            try OrderQueries($0).list(companyID: companyID, state: state, limit: limit + 1)
        }
        var table = [["店铺", "订单编号", "状态", "实付", "运单号", "挂起原因"]]
        for row in rows.prefix(limit) {
            let id = row.splitSeq > 0 ? "\(row.platformOrderID)-\(row.splitSeq)" : row.platformOrderID
            table.append([
                row.shopCode, id + (row.isHighPriority ? " !" : ""), row.state.chineseName, Output.yuan(row.paidFen),
                row.waybill ?? "", row.holds,
            ])
        }
        Output.table(table)
        if rows.count > limit { Output.line("  … more orders (use --limit)") }
        return 0
    }

    /// The state named `text` by its English or Chinese name, such as `onHold` or `挂起`.
    /// - Throws: ``UsageError`` listing the names when it is none of them.
    static func tradeState(named text: String) throws(UsageError) -> TradeState {
        let wanted = text.trimmed
        if let state = TradeState.allCases.first(where: {
            $0.chineseName == wanted || $0.rawValue.lowercased() == wanted.lowercased()
        }) {
            return state
        }
        let names = TradeState.allCases.map { "\($0.rawValue) \($0.chineseName)" }.joined(separator: ", ")
        throw UsageError("unknown state '\(text)'; one of \(names)")
    }
}
