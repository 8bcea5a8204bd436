import ZhangguiAdapters
import ZhangguiServices
import ZhangguiStore

/// The clerk's hand actions on single orders: approve, hold, release, cancel.
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

    static let cancel = action(
        "cancel",
        summary: "cancel orders that have not shipped, giving back reserved stock",
        help: """
            Usage: zhanggui cancel ORDER... [--shop CODE]

            Cancels each order (取消) that has not shipped yet — waiting for review, held, approved, allocated or
            waybilled: stock reserved for it is released and it leaves its shipment. A cancelled order never ships.

            \(shopOption)
            """
    ) { service, tradeID, companyID, _ in
        try service.cancel(tradeID: tradeID, companyID: companyID)
    }

    /// The help shared by the actions: the --shop option, and how orders are named.
    private static let shopOption = """
          --shop CODE    the shop the orders belong to; needed when an order number exists in several shops
        An order split (across warehouses or by hand) is acted on in every part; ORDER-N names part N alone (as
        `orders` shows it). Exit status 1 when any order or part was refused; the others are still done.
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
                    let parts = try OrderLookup.tradeIDs(
                        order: order,
                        shop: arguments.option("shop"),
                        database: database,
                        companyID: companyID
                    )
                    for part in parts {
                        do {
                            try perform(service, part.id, companyID, arguments)
                            Output.line("\(name) \(part.name): done")
                        } catch let error as OrderActionError {
                            Output.error(
                                "\(name) \(part.name): \(error.detail.isEmpty ? error.description : error.detail)"
                            )
                            failures += 1
                        }
                    }
                } catch let error as Refusal {
                    Output.error("\(name): \(error)")
                    failures += 1
                }
            }
            return failures == 0 ? 0 : 1
        }
    }
}
