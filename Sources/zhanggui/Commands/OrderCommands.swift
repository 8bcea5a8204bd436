import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

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
        let (database, companyID) = try workspace.openCompany()
        let service = ReviewService(database: database, checkAddress: try workspace.addressBook().checker)
        let summary = try service.reviewPending(companyID: companyID)
        Output.line(
            "reviewed \(Output.count(summary.reviewed)): approved \(Output.count(summary.approved)) "
                + "(split parts \(summary.splitParts)), held \(Output.count(summary.held)), "
                + "high priority \(summary.highPriority)"
        )
        for (reason, count) in summary.heldByReason.sorted(by: { $0.value > $1.value }) {
            Output.line("  held for \(reason.chineseName) (\(reason.rawValue)): \(Output.count(count))")
        }
        return 0
    }

    static let approve = action(
        "approve",
        summary: "approve held or pending orders by hand, reserving their stock",
        help: """
            Usage: zhanggui approve ORDER...

            Approves each order (its 订单编号) by hand: stock is reserved and its holds are released. Notes, price,
            address, phone and refund holds are waved through; an unmapped SKU or missing stock still refuses,
            and then nothing changes.
            """
    ) { service, tradeID, companyID, _ in
        try service.approve(tradeID: tradeID, companyID: companyID)
    }

    static let hold = action(
        "hold",
        summary: "hold orders by hand with a note, giving back reserved stock",
        help:
            "Usage: zhanggui hold ORDER... [--note TEXT]\n\nHolds each order (挂起); stock reserved for it is released.",
        options: ["note"]
    ) { service, tradeID, companyID, arguments in
        try service.hold(tradeID: tradeID, note: arguments.option("note") ?? "", companyID: companyID)
    }

    static let release = action(
        "release",
        summary: "release held orders back to review",
        help: """
            Usage: zhanggui release ORDER...

            Releases each held order back to review (释放). The reasons it was held for are treated as seen, so
            the next review does not hold it for the same note again; stock and SKU mapping are checked again.
            """
    ) { service, tradeID, companyID, _ in
        try service.release(tradeID: tradeID, companyID: companyID)
    }

    /// A command that applies one action to each order named on the command line.
    private static func action(
        _ name: String,
        summary: String,
        help: String,
        options: Set<String> = [],
        perform: @escaping @Sendable (ReviewService, Int64, Int64, Arguments) throws -> Void
    ) -> Command {
        Command(name: name, summary: summary, help: help, options: options) { arguments in
            guard !arguments.positional.isEmpty else { throw UsageError("name at least one order (its 订单编号)") }
            let workspace = Workspace(arguments)
            let (database, companyID) = try workspace.openCompany()
            let service = ReviewService(database: database, checkAddress: try workspace.addressBook().checker)
            var failures: Int32 = 0
            for order in arguments.positional {
                let ids = try database.read {
                    try TradeRecords($0, currency: .cny).ids(platformOrderID: order, companyID: companyID)
                }
                guard let id = ids.first else {
                    Output.error("\(name) \(order): no such order")
                    failures += 1
                    continue
                }
                do {
                    try perform(service, id, companyID, arguments)
                    Output.line("\(name) \(order): done")
                } catch let error as OrderActionError {
                    Output.error("\(name) \(order): \(error.detail.isEmpty ? error.description : error.detail)")
                    failures += 1
                }
            }
            return failures == 0 ? 0 : 1
        }
    }

    static let allocate = Command(
        name: "allocate",
        summary: "put approved orders into shipments, merging orders to the same receiver",
        help: """
            Usage: zhanggui allocate

            Puts every approved order into a shipment (配货). Orders of one shop to the same receiver, phone and
            address shipping from the same warehouse share one shipment and one waybill (合单); different
            receivers never do.
            """
    ) { arguments in
        let (database, companyID) = try Workspace(arguments).openCompany()
        let summary = try AllocationService(database: database).allocateApproved(companyID: companyID)
        Output.line(
            "allocated \(Output.count(summary.trades)) orders into \(Output.count(summary.shipments)) shipments "
                + "(\(Output.count(summary.merged)) merged into another order's shipment)"
        )
        return 0
    }

    static let waybill = Command(
        name: "waybill",
        summary: "get a waybill number for every allocated shipment",
        help: """
            Usage: zhanggui waybill [--courier CODE]

            Issues a waybill number (打单) to every allocated shipment from the courier's offline number range
            set by `zhanggui init --waybill-range` (default courier ZG).
            """,
        options: ["courier"]
    ) { arguments in
        let (database, companyID) = try Workspace(arguments).openCompany()
        let courier = OfflineRangeCourier(code: arguments.option("courier") ?? "ZG")
        let count = try WaybillService(database: database, courier: courier).waybillAllocated(companyID: companyID)
        Output.line("waybills issued: \(Output.count(count)) (courier \(courier.code))")
        return 0
    }

    static let ship = Command(
        name: "ship",
        summary: "ship every waybilled shipment: stock out, cost and revenue booked",
        help: """
            Usage: zhanggui ship

            Ships every shipment with a waybill (发货): stock leaves through the ledger, reservations are used up,
            cost of goods is taken at moving average, and a balanced voucher books receivable, revenue, output
            VAT, cost of goods and inventory.
            """
    ) { arguments in
        let (database, companyID) = try Workspace(arguments).openCompany()
        let summary = try ShippingService(database: database).shipWaybilled(companyID: companyID)
        Output.line(
            "shipped \(Output.count(summary.shipments)) parcels, \(Output.count(summary.trades)) orders, "
                + "\(Output.count(summary.units)) units; revenue \(Output.yuan(summary.revenueFen)), "
                + "cost \(Output.yuan(summary.costFen))"
        )
        return 0
    }

    static let orders = Command(
        name: "orders",
        summary: "list orders with their state and hold reasons",
        help: """
            Usage: zhanggui orders [--state STATE] [--limit N]

            Lists orders oldest first. STATE is one of pendingReview, onHold, approved, allocated, waybilled,
            shipped, cancelled. Held orders show each reason with the check that raised it.
            """,
        options: ["state", "limit"]
    ) { arguments in
        let state = arguments.option("state")
        if let state, TradeState(rawValue: state) == nil { throw UsageError("unknown state '\(state)'") }
        let (database, companyID) = try Workspace(arguments).openCompany()
        let rows = try database.read {
            try ReportQueries($0).orderList(
                companyID: companyID,
                state: state,
                limit: try arguments.integer("limit", default: 50)
            )
        }
        var table = [["订单编号", "状态", "实付", "运单号", "挂起原因"]]
        for row in rows {
            let name = TradeState(rawValue: row.state)?.chineseName ?? row.state
            let id = row.splitSeq > 0 ? "\(row.platformOrderID)-\(row.splitSeq)" : row.platformOrderID
            table.append([
                id + (row.isHighPriority ? " !" : ""), name, Output.yuan(row.paidFen), row.waybill ?? "", row.holds,
            ])
        }
        Output.table(table)
        return 0
    }
}
