import Foundation
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ShopCommands {
    static func sync(_ values: [String], _ workspace: Workspace) throws -> Int32 {
        let codes = try expect(values, 0...1, "sync [CODE]")
        let (database, companyID) = try workspace.openCompany()
        let service = try syncService(database)
        let reports: [SyncReport]
        if let code = codes.first {
            reports = [try service.runOnce(company: companyID, shop: try shop(code, database, companyID).shopID)]
        } else {
            reports = try service.runAll(company: companyID)
            if reports.isEmpty { Output.line("no connected shops") }
        }
        reports.forEach(print(_:))
        return reports.allSatisfy { $0.outcome == .done } ? 0 : 1
    }

    static func backfill(_ values: [String], _ arguments: Arguments, _ workspace: Workspace) throws -> Int32 {
        let code = try expect(values, 1...1, "backfill CODE --from TIME --to TIME")[0]
        guard let fromText = arguments.option("from"), let toText = arguments.option("to") else {
            throw UsageError("shop backfill needs --from and --to")
        }
        let (database, companyID) = try workspace.openCompany()
        let calendar = try database.read { try CompanyContext.load(companyID, from: $0) }.calendar
        let from = try instant(fromText, calendar, option: "from")
        let to = try instant(toText, calendar, option: "to")
        guard from < to else { throw UsageError("--from must come before --to") }
        guard (to - from) * 1000 <= SyncPlan.longestBackfillMillis else {
            throw UsageError("--to is more than \(SyncPlan.longestBackfillMillis / 86_400_000) days after --from")
        }
        let shop = try shop(code, database, companyID)
        let range = SyncWindow(startMillis: from * 1000, endMillis: to * 1000)
        let report = try syncService(database).backfill(company: companyID, shop: shop.shopID, range: range) {
            let reached = Output.time($0.reachedMillis / 1000, in: TimeZone(identifier: calendar.timeZoneIdentifier)!)
            Output.line(
                "  window \($0.windowsDone)/\($0.windowsTotal), up to \(reached): \($0.counts.new) new, "
                    + "\($0.counts.changed) changed, \($0.counts.unchanged) unchanged"
            )
        }
        print(report)
        return report.outcome == .done ? 0 : 1
    }

    /// UTC seconds of a local date or time in the company's zone.
    private static func instant(_ text: String, _ calendar: BusinessCalendar, option: String) throws -> Int64 {
        let full = text.contains(":") ? text : text + " 00:00"
        guard let seconds = calendar.instant(ofLocal: full) else {
            throw UsageError("--\(option) needs a date or time such as 2026-12-01 or 2026-12-01 08:00")
        }
        return seconds
    }

    static func repull(_ values: [String], _ workspace: Workspace) throws -> Int32 {
        let given = try expect(values, 2...2, "repull CODE ORDER")
        let (database, companyID) = try workspace.openCompany()
        let shop = try shop(given[0], database, companyID)
        let (outcome, report) = try syncService(database)
            .repull(company: companyID, shop: shop.shopID, platformOrderID: given[1])
        switch outcome {
        case .new: Output.line("order \(given[1]): new, stored")
        case .newer: Output.line("order \(given[1]): a newer version, stored")
        case .stale: Output.line("order \(given[1]): unchanged")
        case nil: Output.line("order \(given[1]): \(report.error ?? "not stored")")
        }
        return outcome == nil ? 1 : 0
    }

    static func mapSKU(_ values: [String], _ workspace: Workspace) throws -> Int32 {
        let given = try expect(values, 3...3, "map-sku CODE ITEM_ID[:SKU_ID] OUR_CODE")
        let listing = given[1].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let itemID = listing.first, !itemID.isEmpty else { throw UsageError("map-sku needs ITEM_ID[:SKU_ID]") }
        let (database, companyID) = try workspace.openCompany()
        let result = try SKUMappingService(database: database).map(
            itemID: itemID,
            skuID: listing.count > 1 ? listing[1] : "",
            to: given[2],
            shopCode: given[0],
            companyID: companyID,
            audit: cliAudit(companyID)
        )
        Output.line(
            "mapped \(given[1]) of shop \(given[0]) to \(given[2]): \(result.linesRemapped) order lines remapped, "
                + "\(result.tradesReleased) held orders back to review"
        )
        return 0
    }

    static func pushStock(_ values: [String], _ workspace: Workspace) throws -> Int32 {
        let code = try expect(values, 1...1, "push-stock CODE")[0]
        let (database, companyID) = try workspace.openCompany()
        let report = try syncService(database).pushStock(
            company: companyID,
            shop: try shop(code, database, companyID).shopID
        )
        print(report)
        return report.outcome == .done && report.stockFailed == 0 ? 0 : 1
    }

    static func set(_ values: [String], _ arguments: Arguments, _ workspace: Workspace) throws -> Int32 {
        let code = try expect(values, 1...1, "set CODE [--share PERCENT] [--buffer N] [--max N] [--pause | --resume]")[
            0
        ]
        guard !(arguments.flag("pause") && arguments.flag("resume")) else {
            throw UsageError("--pause and --resume together")
        }
        let share = try arguments.option("share").map { text in
            guard let percent = Double(text), (0...100).contains(percent) else {
                throw UsageError("--share needs a percentage from 0 to 100")
            }
            return Int64((percent * 100).rounded())
        }
        let buffer = try wholeNumber(arguments, "buffer")
        let maximum = try wholeNumber(arguments, "max")
        let overlap = try wholeNumber(arguments, "overlap-seconds")
        let lag = try wholeNumber(arguments, "lag-seconds")
        let (database, companyID) = try workspace.openCompany()
        var change = ShopSettingsChange()
        change.shareBasisPoints = share
        change.buffer = buffer
        change.maximum = maximum.map { .some($0) }
        change.overlapMillis = overlap.map { $0 * 1000 }
        change.safetyLagMillis = lag.map { $0 * 1000 }
        if arguments.flag("pause") || arguments.flag("resume") { change.isPaused = arguments.flag("pause") }
        let service = ShopService(database: database, box: nil)
        let changed = try service.change(
            change,
            shopID: try shop(code, database, companyID).shopID,
            companyID: companyID,
            audit: cliAudit(companyID)
        )
        let plan = changed.plan
        let stockShare = changed.stockShare
        for pair in arguments.options("courier") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].trimmed.isEmpty else {
                throw UsageError("--courier needs OURS=THEIRS, such as ZTO=zhongtong; got '\(pair)'")
            }
            let platformCode = parts[1].trimmed
            try service.setCourierCode(
                parts[0].trimmed,
                platformCode: platformCode.isEmpty ? nil : platformCode,
                code: code,
                companyID: companyID
            )
            Output.line(
                "shop \(code): courier \(parts[0].trimmed) → \(platformCode.isEmpty ? "built-in" : platformCode)"
            )
        }
        Output.line(
            "shop \(code): \(changed.status.chineseName), overlap \(plan.overlapMillis / 1000) s, lag \(plan.safetyLagMillis / 1000) s, "
                + "share \(Double(stockShare.shareBasisPoints) / 100) %, "
                + "buffer \(stockShare.buffer), max \(stockShare.maximum.map { String($0) } ?? "none")"
        )
        return 0
    }

    /// Who changes a shop from the command line, for the audit log: the company's own process.
    private static func cliAudit(_ companyID: Int64) -> AuditContext {
        AuditContext(
            actor: AuditActor(companyID: companyID, userID: nil, requestID: "cli"),
            at: Int64(Date().timeIntervalSince1970)
        )
    }

    /// The option as a whole number of at least 0, or nil when absent.
    private static func wholeNumber(_ arguments: Arguments, _ name: String) throws -> Int64? {
        try arguments.option(name).map { text in
            guard let value = Int64(text), (0...Limits.quantity).contains(value) else {
                throw UsageError("--\(name) needs a whole number from 0 to \(Limits.quantity)")
            }
            return value
        }
    }

    static func log(_ values: [String], _ arguments: Arguments, _ workspace: Workspace) throws -> Int32 {
        let codes = try expect(values, 0...1, "log [CODE] [--limit N]")
        let limit = try arguments.integer("limit", default: 20)
        let (database, companyID) = try workspace.openCompany()
        let shopID = try codes.first.map { try shop($0, database, companyID).shopID }
        let (runs, names) = try database.read { connection in
            let shops = try ShopConnectionRecords(connection).all(companyID: companyID)
            let runs = try SyncRunRecords(connection).recent(shopID: shopID, companyID: companyID, limit: limit)
            return (runs, Dictionary(uniqueKeysWithValues: shops.map { ($0.shopID, $0.shopCode) }))
        }
        var table = [
            [
                "run", "shop", "kind", "window (UTC ms)", "pages", "new", "changed", "same", "errors", "outcome",
                "last error",
            ]
        ]
        for run in runs {
            let window = run.windowStartMillis.map { "\($0)–\(run.windowEndMillis ?? 0)" } ?? "-"
            table.append([
                String(run.id), names[run.shopID] ?? String(run.shopID), run.kind.rawValue, window,
                String(run.counts.pages),
                String(run.counts.new), String(run.counts.changed), String(run.counts.unchanged),
                String(run.counts.errors), run.outcome.rawValue, String(run.lastError.prefix(60)),
            ])
        }
        Output.table(table)
        return 0
    }

    static func afterSales(_ values: [String], _ workspace: Workspace) throws -> Int32 {
        _ = try expect(values, 0...0, "after-sales")
        let (database, companyID) = try workspace.openCompany()
        let (requests, names) = try database.read { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            let requests = try AfterSaleRecords(connection).needingAttention(
                companyID: companyID,
                currency: context.currency
            )
            let shops = try ShopConnectionRecords(connection).all(companyID: companyID)
            return (requests, Dictionary(uniqueKeysWithValues: shops.map { ($0.shopID, $0.shopCode) }))
        }
        guard !requests.isEmpty else {
            Output.line("no after-sales requests waiting")
            return 0
        }
        var table = [["shop", "order", "request", "kind", "status", "amount", "return tracking"]]
        for request in requests {
            let refund = request.refund
            table.append([
                names[request.shopID] ?? String(request.shopID), refund.platformOrderID, refund.refundID,
                refund.kind.rawValue, refund.status.rawValue, Output.yuan(refund.amount.fen),
                refund.returnTrackingNumber.isEmpty ? "-" : refund.returnTrackingNumber,
            ])
        }
        Output.table(table)
        return 0
    }

    /// One line per shop: what a pass did.
    private static func print(_ report: SyncReport) {
        if let skipped = report.skipped {
            Output.line("\(report.shopCode): skipped, \(skipped)")
            return
        }
        let orders = report.orders
        let refunds = report.refunds
        Output.line(
            "\(report.shopCode): orders \(orders.new) new, \(orders.changed) changed, \(orders.unchanged) unchanged, "
                + "\(orders.errors) refused; refunds \(refunds.new) new, \(refunds.changed) changed; "
                + "shipments \(report.uploadsSent) confirmed, \(report.uploadsFailed) to retry; "
                + "stock \(report.stockPushed) pushed, \(report.stockFailed) refused"
        )
        if let error = report.error { Output.line("  stopped (\(report.outcome.rawValue)): \(error)") }
    }
}

/// The credentials file `shop add` reads: JSON, never echoed.
struct CredentialsFile: Decodable {
    var appKey: String
    var appSecret: String
    var signSecret: String?
    var accessToken: String
    var accessExpiresAtMillis: Int64?
    var refreshToken: String?
    var refreshExpiresAtMillis: Int64?
    var endpoint: String

    /// Reads `path` (`-` for standard input).
    /// - Throws: ``Refusal`` naming the file and the field, never a value.
    static func read(_ path: String, platform: Platform) throws -> ShopCredentials {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw Refusal("cannot read the credentials file \(path)")
            }
            data = contents
        }
        let file: CredentialsFile
        do {
            file = try JSONDecoder().decode(CredentialsFile.self, from: data)
        } catch DecodingError.keyNotFound(let key, _) {
            throw Refusal("the credentials file \(path) lacks \(key.stringValue)")
        } catch {
            throw Refusal(
                "the credentials file \(path) is not JSON with string fields appKey, appSecret, accessToken, endpoint"
            )
        }
        return ShopCredentials(
            platform: platform,
            appKey: file.appKey,
            appSecret: file.appSecret,
            signSecret: file.signSecret ?? "",
            authorization: ShopAuthorization(
                accessToken: file.accessToken,
                accessExpiresAtMillis: file.accessExpiresAtMillis ?? .max,
                refreshToken: file.refreshToken ?? "",
                refreshExpiresAtMillis: file.refreshExpiresAtMillis
            ),
            endpoint: file.endpoint
        )
    }
}
