import ZhangguiAdapters
import ZhangguiServices
import ZhangguiStore

/// The clerk's hand actions on single orders: approve, hold, release.
enum OrderActionCommands {
    static let approve = action(
        "approve",
        summary: "approve held or pending orders by hand, reserving their stock",
        help: """
            Usage: zhanggui approve ORDER... [--shop CODE]

            Approves each order (its 订单编号) by hand: stock is reserved and its holds are released. Notes, price,
            address, phone and refund holds are waived; an unmapped SKU or missing stock still refuses, and then
            nothing changes.

            \(shopOption)
            """
    ) { service, tradeID, companyID, _ in
        try service.approve(tradeID: tradeID, companyID: companyID)
    }

    static let hold = action(
        "hold",
        summary: "hold orders by hand with a note, giving back reserved stock",
        help: """
            Usage: zhanggui hold ORDER... [--note TEXT] [--shop CODE]

            Holds each order (挂起); stock reserved for it is released.

              --note TEXT    why it is held, shown with the hold (default "held by hand")
            \(shopOption)
            """,
        options: ["note"]
    ) { service, tradeID, companyID, arguments in
        try service.hold(tradeID: tradeID, note: arguments.option("note") ?? "", companyID: companyID)
    }

    static let release = action(
        "release",
        summary: "release held orders back to review",
        help: """
            Usage: zhanggui release ORDER... [--shop CODE]

            Releases each held order back to review (释放). The reasons it was held for are treated as seen, so
            the next review does not hold it for the same note again; stock and SKU mapping are checked again.

            \(shopOption)
            """
    ) { service, tradeID, companyID, _ in
        try service.release(tradeID: tradeID, companyID: companyID)
    }

    /// The help shared by the actions: the --shop option, and how orders are named.
    private static let shopOption = """
          --shop CODE    the shop the orders belong to; needed when an order number exists in several shops
        An order split across warehouses is acted on through its first part. Exit status 1 when any order was
        refused; the others are still done.
        """

    /// A command that applies one action to each order named on the command line.
    private static func action(
        _ name: String,
        summary: String,
        help: String,
        options: Set<String> = [],
        perform: @escaping @Sendable (ReviewService, Int64, Int64, Arguments) throws -> Void
    ) -> Command {
        Command(
            name: name,
            summary: summary,
            help: help,
            options: options.union(["shop"]),
            positionals: 1...Int.max
        ) { arguments in
            let workspace = Workspace(arguments)
            let checker = try workspace.addressBook().checker
            let (database, companyID) = try workspace.openCompany()
            let service = ReviewService(database: database, checkAddress: checker)
            var failures: Int32 = 0
            for order in arguments.positional {
                do {
                    let id = try OrderLookup.tradeID(
                        order: order,
                        shop: arguments.option("shop"),
                        database: database,
                        companyID: companyID
                    )
                    try perform(service, id, companyID, arguments)
                    Output.line("\(name) \(order): done")
                } catch let error as OrderActionError {
                    Output.error("\(name) \(order): \(error.detail.isEmpty ? error.description : error.detail)")
                    failures += 1
                } catch let error as Refusal {
                    Output.error("\(name): \(error)")
                    failures += 1
                }
            }
            return failures == 0 ? 0 : 1
        }
    }
}
