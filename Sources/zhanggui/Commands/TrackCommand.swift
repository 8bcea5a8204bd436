import Foundation
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// `zhanggui track`: couriers' tracking events in, an order's parcels out.
enum TrackCommand {
    static let command = Command(
        name: "track",
        summary: "record couriers' tracking events from a file; show an order's parcels and their journey",
        help: """
            Usage: zhanggui track record FILE
                   zhanggui track ORDER [--shop CODE]
                   zhanggui track stale-days N

            record      records the events in FILE: JSON ({"events":[…]} or a list) or a table (CSV, XLSX) with
                        the columns courier, waybill, occurredAt, status, action, detail, place. occurredAt is UTC
                        seconds or an ISO 8601 time with its zone (2026-12-04T10:00:00+08:00); status is collected,
                        inTransit, delivering, delivered or problem. The same event twice is kept once; events
                        about waybills that are not ours are listed and skipped. Each parcel takes the state of its
                        latest event, except that a delivered parcel is left only by a later problem (never by a
                        late transit scan; docs/TRACKING.md); an order is delivered (签收) when all its parcels are.
            ORDER       the order's parcels: state, and every event oldest first.
            stale-days  the days a shipped order may go without tracking news before an alert (default 3).
            """,
        options: ["shop"],
        positionals: 1...2
    ) { arguments in
        let values = Array(arguments.positional.dropFirst())
        switch arguments.positional[0] {
        case "record":
            guard values.count == 1 else { throw UsageError("track record takes one FILE") }
            return try record(path: values[0], arguments)
        case "stale-days":
            guard values.count == 1, let days = Int64(values[0]), days >= 1, days <= 365 else {
                throw UsageError("track stale-days takes a whole number of days from 1 to 365")
            }
            let (database, companyID) = try Workspace(arguments).openCompany()
            try database.write { try TrackingRecords($0).setStaleDays(days, companyID: companyID) }
            Output.line("a shipped order without tracking news for \(days) d raises an alert")
            return 0
        default:
            guard values.isEmpty else { throw UsageError("track ORDER takes no other word") }
            return try show(order: arguments.positional[0], arguments)
        }
    }

    private static func record(path: String, _ arguments: Arguments) throws -> Int32 {
        let events = try TrackingFile.read(path: path)
        let (database, companyID) = try Workspace(arguments).openCompany()
        let audit = AuditContext(
            actor: AuditActor(companyID: companyID, userID: nil, requestID: "cli"),
            at: Int64(Date().timeIntervalSince1970)
        )
        let report = try TrackingService(database: database).record(events, companyID: companyID, audit: audit)
        Output.line(
            "\(report.recorded) recorded, \(report.duplicates) already known, \(report.parcelsChanged) parcels moved, "
                + "\(report.tradesDelivered) orders delivered"
                + (report.beforeShipping > 0 ? ", \(report.beforeShipping) timed before their parcel shipped" : "")
        )
        for waybill in report.unknownWaybills { Output.line("not our parcel: \(waybill)") }
        return 0
    }

    private static func show(order: String, _ arguments: Arguments) throws -> Int32 {
        let (database, companyID) = try Workspace(arguments).openCompany()
        let trades = try OrderLookup.tradeIDs(
            order: order,
            shop: arguments.option("shop"),
            database: database,
            companyID: companyID
        )
        let zone =
            try database.read { try CompanyRecords($0).company(companyID) }
            .flatMap { TimeZone(identifier: $0.timeZone) } ?? .current
        try database.read { connection in
            let records = TrackingRecords(connection)
            for (id, name) in trades {
                let delivered = try records.deliveredAt(tradeIDs: [id], companyID: companyID)[id] ?? nil
                Output.line(
                    "\(name): " + (delivered.map { "delivered 已签收 \(Output.time($0, in: zone))" } ?? "not delivered")
                )
                let parcels = try records.parcels(tradeIDs: [id], companyID: companyID)
                if parcels.isEmpty { Output.line("  no parcel with a waybill yet") }
                for parcel in parcels {
                    let state = parcel.status.map { "\($0.rawValue) \($0.chineseName)" } ?? "no news yet"
                    Output.line("  \(parcel.courierCode) \(parcel.waybillNumber): \(state)")
                    let rows = try records.events(shipmentID: parcel.shipmentID).map { event in
                        [
                            "   ", Output.time(Int64(event.occurredAt.timeIntervalSince1970), in: zone),
                            event.status.chineseName, event.courierAction, Output.printable(event.detail),
                            Output.printable(event.place ?? ""),
                        ]
                    }
                    Output.table(rows)
                }
            }
        }
        return 0
    }
}
