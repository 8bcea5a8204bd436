import Foundation
import ZhangguiServices
import ZhangguiStore

/// Reorder points, the alerts the scheduled jobs raise, and the record of the jobs' runs.
enum AlertCommands {
    static let reorderPoint = Command(
        name: "reorder-point",
        summary: "set a SKU's reorder point in a warehouse, or list them",
        help: """
            Usage: zhanggui reorder-point [SKU WAREHOUSE QUANTITY]

            Sets the reorder point (再订货点) of SKU (商家编码) in WAREHOUSE (its code): the low-stock job raises an
            alert when available stock there (on hand − reserved − frozen) falls to QUANTITY or below, once per
            fall. QUANTITY is a whole number from 0 to 10000000; setting it again replaces it. Without arguments,
            lists every reorder point with the stock available now.
            """,
        positionals: 0...3
    ) { arguments in
        let values = arguments.positional
        guard values.isEmpty || values.count == 3 else { throw UsageError("give SKU WAREHOUSE QUANTITY, or nothing") }
        if values.count == 3, Int64(values[2]) == nil {
            throw UsageError("QUANTITY must be a whole number, not '\(values[2])'")
        }
        let (database, companyID) = try Workspace(arguments).openCompany()
        let service = AlertService(database: database)
        if values.count == 3, let quantity = Int64(values[2]) {
            do {
                try service.setReorderPoint(
                    skuCode: values[0],
                    warehouseCode: values[1],
                    quantity: quantity,
                    companyID: companyID,
                    now: Clock.nowSeconds()
                )
            } catch let error as ReorderPointError {
                throw Refusal(error.description)
            }
        }
        var table = [["商家编码", "仓库", "再订货点", "可用"]]
        for level in try service.reorderLevels(companyID: companyID) {
            let mark = level.available <= level.reorderPoint ? "  ← low" : ""
            table.append([level.skuCode, level.warehouseCode, String(level.reorderPoint), "\(level.available)\(mark)"])
        }
        Output.table(table)
        return 0
    }

    static let alerts = Command(
        name: "alerts",
        summary: "list the alerts: low stock, orders held too long, shops whose authorisation expired",
        help: """
            Usage: zhanggui alerts [--all] [--kind lowStock|heldOrder|shopAuthorizationExpired] [--limit N]

            Lists the open alerts, newest first, at most N (default 50). --all shows cleared ones too, with the
            time they cleared: a low-stock alert clears when available rises above the reorder point again, a
            held-order reminder when the order leaves the hold, a shop's 授权过期 when it is authorised again
            (`zhanggui shop add CODE --replace`).
            """,
        flags: ["all"],
        options: ["kind", "limit"]
    ) { arguments in
        let limit = try arguments.integer("limit", default: 50)
        let kind = try arguments.option("kind").map { name throws(UsageError) in
            guard let kind = AlertKind(rawValue: name) else {
                throw UsageError("--kind is lowStock, heldOrder or shopAuthorizationExpired")
            }
            return kind
        }
        let (database, companyID) = try Workspace(arguments).openCompany()
        let zone = try companyZone(database, companyID)
        let alerts = try AlertService(database: database)
            .alerts(companyID: companyID, kind: kind, includeCleared: arguments.flag("all"), limit: limit)
        if alerts.isEmpty { Output.line(arguments.flag("all") ? "no alerts" : "no open alerts") }
        var table = [["#", "kind", "about", "figure", "raised", "cleared"]]
        for alert in alerts {
            table.append([
                String(alert.id), alert.kind.rawValue, about(alert), figure(alert),
                Output.time(alert.raisedAt, in: zone),
                alert.clearedAt.map { Output.time($0, in: zone) } ?? "open",
            ])
        }
        if !alerts.isEmpty { Output.table(table) }
        return 0
    }

    static let jobs = Command(
        name: "jobs",
        summary: "list the scheduled jobs' runs, or run the due ones now",
        help: """
            Usage: zhanggui jobs [--run] [--unfinished] [--limit N] [--job-interval SECONDS] [--held-hours N]

            Lists the latest runs of the scheduled jobs for the database's first company, newest first, at most N
            (default 20): job, tick, the process that ran it, start, end, outcome and summary or error. A run with no
            end either is in progress or was left unfinished by a process that stopped; --unfinished shows only those.
            --run first runs the jobs whose current tick no process has run yet, for every company, as a
            `zhanggui serve` would (for a machine that runs no server, from cron).
            \(JobSettings.help)
            """,
        flags: ["run", "unfinished"],
        options: Set(["limit"]).union(JobSettings.options)
    ) { arguments in
        let limit = try arguments.integer("limit", default: 20)
        let settings = try JobSettings(arguments)
        let (database, companyID) = try Workspace(arguments).openCompany()
        var hasFailed = false
        if arguments.flag("run") {
            let reports = try Scheduler(database: database, jobs: try settings.jobs()).runDue()
            for report in reports {
                Output.line("ran \(report.job) for company \(report.companyID), tick \(report.tick): \(report.outcome)")
                Output.line("  \(report.detail)")
            }
            if reports.isEmpty { Output.line("nothing due: every job's current tick has run") }
            hasFailed = reports.contains { $0.outcome == .failed }
        }
        let zone = try companyZone(database, companyID)
        let runs = try AlertService(database: database)
            .jobRuns(companyID: companyID, limit: limit, unfinishedOnly: arguments.flag("unfinished"))
        var table = [["job", "tick", "runner", "started", "finished", "outcome", "detail"]]
        for run in runs {
            table.append([
                run.job, String(run.tick), run.runner, Output.time(run.startedAt, in: zone),
                run.finishedAt.map { Output.time($0, in: zone) } ?? "—", run.outcome.rawValue, run.detail,
            ])
        }
        if runs.isEmpty { Output.line("no job runs recorded") } else { Output.table(table) }
        return hasFailed ? 1 : 0
    }

    private static func companyZone(_ database: any Database, _ companyID: Int64) throws -> TimeZone {
        let company = try database.read { try CompanyRecords($0).company(companyID) }
        return company.flatMap { TimeZone(identifier: $0.timeZone) } ?? .current
    }

    private static func about(_ alert: AlertRecord) -> String {
        switch alert.kind {
        case .lowStock: "\(alert.skuCode ?? "?") @ \(alert.warehouseCode ?? "?")"
        case .heldOrder: "order \(alert.platformOrderID ?? "?") (#\(alert.tradeID ?? 0))"
        case .shopAuthorizationExpired: "shop \(alert.shopCode ?? "?") 授权过期"
        case .staleTracking: "order \(alert.platformOrderID ?? "?") (#\(alert.tradeID ?? 0)) 物流停滞"
        case .afterSaleIdle: "\(alert.detail) of order \(alert.platformOrderID ?? "?") 售后超时"
        }
    }

    private static func figure(_ alert: AlertRecord) -> String {
        switch alert.kind {
        case .lowStock: "available \(alert.quantity) ≤ \(alert.threshold)"
        case .heldOrder: "held \(alert.quantity) h ≥ \(alert.threshold) h"
        case .shopAuthorizationExpired: alert.detail
        case .staleTracking: "no tracking news for \(alert.quantity) d ≥ \(alert.threshold) d"
        case .afterSaleIdle: "untouched \(alert.quantity) d ≥ \(alert.threshold) d"
        }
    }
}
