import ZhangguiServices
import ZhangguiStore

/// Allocation, waybills and shipping, each over every order ready for it.
enum FulfilmentCommands {
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
        summary: "get a waybill number for every allocated shipment, or set a courier's number range",
        help: """
            Usage: zhanggui waybill [--courier CODE] | --set-range COURIER:PREFIX:FIRST:LAST | --ranges
                   zhanggui waybill --explain SHIPMENT | cancel SHIPMENT

            With courier accounts (zhanggui courier add), each shipment takes the account its rules choose and
            the courier's number; a shipment whose courier is down or refuses waits, and the reason is printed.
            --explain shows a shipment's account, the rule that chose it and the courier's last error. cancel
            tells the courier the shipment's number will not be used (refused once shipped or packed) and frees
            the parcel for a new number; an offline-range number is only voided. See docs/COURIERS.md.

            Issues a waybill number (打单) to every allocated shipment from the courier's offline number range
            (default courier ZG). Numbers are PREFIX followed by the number in 12 digits.

              --courier CODE   the courier whose range to use (default ZG)
              --set-range SPEC sets the courier's range to FIRST…LAST, replacing the one it had, and issues
                               nothing. To extend a range, start the new one at the next unused number shown by
                               --ranges, so no number is issued twice.
              --ranges         lists each courier's range: next number, last number, numbers left
            """,
        flags: ["ranges"],
        options: ["courier", "set-range", "explain"],
        positionals: 0...2
    ) { arguments in
        if arguments.positional.first == "cancel" || arguments.option("explain") != nil {
            return try CourierWaybills.explainOrCancel(arguments)
        }
        if let spec = arguments.option("set-range") {
            return try WaybillRanges.set(SetupSpecs.waybillRange(spec, label: "--set-range"), arguments: arguments)
        }
        if arguments.flag("ranges") { return try WaybillRanges.list(arguments: arguments) }
        if arguments.option("courier") == nil, try CourierWaybills.hasAccounts(arguments) {
            return try CourierWaybills.run(arguments)
        }
        let (database, companyID) = try Workspace(arguments).openCompany()
        let courier = OfflineRangeCourier(code: arguments.option("courier") ?? "ZG")
        do {
            let count = try WaybillService(database: database, courier: courier).waybillAllocated(companyID: companyID)
            Output.line("waybills issued: \(Output.count(count)) (courier \(courier.code))")
        } catch let error as CourierError where error.code == .rangeExhausted {
            throw Refusal(
                "\(error); set a new range with zhanggui waybill --set-range \(courier.code):PREFIX:FIRST:LAST "
                    + "(zhanggui waybill --ranges shows the next unused number)"
            )
        }
        return 0
    }

    static let ship = Command(
        name: "ship",
        summary: "ship every waybilled shipment: stock out, cost and revenue booked",
        help: """
            Usage: zhanggui ship

            Ships every shipment with a waybill (发货): stock leaves through the ledger, reservations are used up,
            cost of goods is taken at moving average, and a balanced voucher books receivable, revenue, output
            VAT, cost of goods and inventory. When the company requires packing (zhanggui pack --require on),
            only packed parcels ship; the others are counted and wait.
            """
    ) { arguments in
        let (database, companyID) = try Workspace(arguments).openCompany()
        let summary = try ShippingService(database: database).shipWaybilled(companyID: companyID)
        Output.line(
            "shipped \(Output.count(summary.shipments, "parcel", "parcels")), "
                + "\(Output.count(summary.trades, "order", "orders")), "
                + "\(Output.count(summary.units, "unit", "units")); revenue \(Output.yuan(summary.revenueFen)), "
                + "cost \(Output.yuan(summary.costFen))"
        )
        if summary.unpacked > 0 {
            Output.line("not packed yet, waiting: \(Output.count(summary.unpacked, "parcel", "parcels"))")
        }
        return 0
    }
}

/// `zhanggui waybill --set-range` and `--ranges`.
enum WaybillRanges {
    /// Sets (replaces) a courier's range and shows the ranges afterwards.
    static func set(_ range: (courier: String, prefix: String, first: Int64, last: Int64), arguments: Arguments) throws
        -> Int32
    {
        let (database, companyID) = try Workspace(arguments).openCompany()
        try CompanySetup(database: database).setWaybillRange(
            courierCode: range.courier,
            prefix: range.prefix,
            first: range.first,
            last: range.last,
            companyID: companyID
        )
        Output.line("courier \(range.courier): waybill numbers \(range.first)…\(range.last)")
        return try list(arguments: arguments)
    }

    /// Lists every courier's range.
    static func list(arguments: Arguments) throws -> Int32 {
        let (database, companyID) = try Workspace(arguments).openCompany()
        let ranges = try database.read { try FulfilmentRecords($0).waybillRanges(companyID: companyID) }
        var table = [["快递", "前缀", "下一个号", "最后一个号", "剩余"]]
        for range in ranges {
            table.append([
                range.courierCode, range.prefix, String(range.nextNumber), String(range.lastNumber),
                Output.count(range.remaining),
            ])
        }
        Output.table(table)
        return 0
    }
}
