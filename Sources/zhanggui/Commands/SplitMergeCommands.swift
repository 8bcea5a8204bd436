import Foundation
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// Splitting an order by hand, and merging orders into one parcel or taking them apart again.
enum SplitMergeCommands {
    static let split = Command(
        name: "split",
        summary: "move lines or units of an order to a new part that ships on its own",
        help: """
            Usage: zhanggui split ORDER LINE[:UNITS]... [--shop CODE]

            Moves lines of an order (拆单), or some units of a line, to a new part ORDER-N that ships on its own.
            LINE is the line number `zhanggui order ORDER` shows; LINE:UNITS moves that many of its units, LINE
            alone the whole line. At least one unit must stay on the order.

            Unit prices stay; each line's discount and its share of the order discount are divided by units, and
            the freight by the parts' amounts, largest remainder first, so both parts add up to the original to the
            fen. Allowed until the order's parcel has a waybill: a part of an order waiting for review or held goes
            to review; of an approved order it stays approved and takes the stock reserved for its units; of an
            allocated order it also gets a parcel of its own. Exit status 1 when refused; then nothing changes.

              --shop CODE    the shop of the order; needed when its number exists in several shops
            ORDER-N names part N of an order split before.
            """,
        options: ["shop"],
        positionals: 2...Int.max
    ) { arguments in
        let moves = try arguments.positional.dropFirst().map(lineMove)
        let (database, companyID) = try Workspace(arguments).openCompany()
        let order = arguments.positional[0]
        let id = try OrderLookup.tradeID(
            order: order,
            shop: arguments.option("shop"),
            database: database,
            companyID: companyID,
            allowingPartSuffix: true
        )
        return try refusing("split \(order)") {
            let result = try OrderSplitService(database: database)
                .split(tradeID: id, moving: moves, by: actor(companyID), at: now)
            let base = OrderLookup.splitPart(order).map(\.order) ?? order
            Output.line(
                "split \(order): part \(base)-\(result.partSplitSeq) is \(result.partState.rawValue) "
                    + "(\(result.partState.chineseName))"
            )
        }
    }

    static let merge = Command(
        name: "merge",
        summary: "put orders to the same receiver into one parcel",
        help: """
            Usage: zhanggui merge ORDER ORDER... [--shop CODE]

            Puts two or more orders into one parcel (合单): one waybill, one label. The orders must be of one shop,
            to the same receiver — name, phone, province, city, district and address — approved or allocated with
            their stock in the same warehouse, and without a waybill. A different receiver is refused naming the
            field that differs. The orders themselves do not change; `zhanggui unmerge` takes them apart again.
            Exit status 1 when refused; then nothing changes.

              --shop CODE    the shop of the orders; needed when a number exists in several shops
            ORDER-N names part N of a split order.
            """,
        options: ["shop"],
        positionals: 2...ParcelService.maximumOrders
    ) { arguments in
        let (database, companyID) = try Workspace(arguments).openCompany()
        let ids = try arguments.positional.map { order in
            try OrderLookup.tradeID(
                order: order,
                shop: arguments.option("shop"),
                database: database,
                companyID: companyID,
                allowingPartSuffix: true
            )
        }
        let names = arguments.positional.joined(separator: " ")
        return try refusing("merge \(names)") {
            let placed = try ParcelService(database: database).merge(tradeIDs: ids, by: actor(companyID), at: now)
            Output.line("merged \(names) into parcel \(placed.first?.shipmentID ?? 0)")
        }
    }

    static let unmerge = Command(
        name: "unmerge",
        summary: "give every order of a parcel a parcel of its own",
        help: """
            Usage: zhanggui unmerge ORDER [--shop CODE]

            Takes the parcel ORDER is in apart: every order in it gets a parcel of its own, the lowest keeping the
            parcel. Allowed until the parcel has a waybill. The orders stay allocated and unchanged, so the next
            allocation does not merge them again. Exit status 1 when refused; then nothing changes.

              --shop CODE    the shop of the order; needed when its number exists in several shops
            ORDER-N names part N of a split order.
            """,
        options: ["shop"],
        positionals: 1...1
    ) { arguments in
        let (database, companyID) = try Workspace(arguments).openCompany()
        let order = arguments.positional[0]
        let id = try OrderLookup.tradeID(
            order: order,
            shop: arguments.option("shop"),
            database: database,
            companyID: companyID,
            allowingPartSuffix: true
        )
        return try refusing("unmerge \(order)") {
            let placed = try ParcelService(database: database).unmerge(tradeID: id, by: actor(companyID), at: now)
            let parcels = placed.map { "order id \($0.tradeID) → parcel \($0.shipmentID)" }
            Output.line("unmerged: " + parcels.joined(separator: ", "))
        }
    }

    /// `LINE` or `LINE:UNITS` as a move.
    static func lineMove(_ text: String) throws(UsageError) -> LineMove {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let line = Int64(parts[0]), line > 0 else {
            throw UsageError("'\(text)' is not LINE or LINE:UNITS (such as 2 or 2:10)")
        }
        guard parts.count == 2 else { return LineMove(lineNo: line) }
        guard let units = Int64(parts[1]), units > 0 else {
            throw UsageError("'\(text)': UNITS must be a whole number of at least 1")
        }
        return LineMove(lineNo: line, quantity: units)
    }

    /// The person at the terminal, as the audit log names them: no user, request id `cli`.
    private static func actor(_ companyID: Int64) -> AuditActor {
        AuditActor(companyID: companyID, userID: nil, requestID: "cli")
    }

    private static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    /// Runs a change; a refusal is printed and gives exit status 1.
    private static func refusing(_ what: String, _ change: () throws -> Void) throws -> Int32 {
        do {
            try change()
            return 0
        } catch let error as OrderChangeError {
            Output.error("\(what): \(error.message)" + (error.field.map { " (\($0))" } ?? ""))
            return 1
        }
    }
}
