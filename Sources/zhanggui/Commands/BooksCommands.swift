import Foundation
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

enum BooksCommands {
    static let stock = Command(
        name: "stock",
        summary: "show stock by SKU and warehouse or one SKU's ledger; receive or issue goods (入库单, 出库单)",
        help: StockNoteCommands.help,
        flags: ["ledger"],
        options: ["limit", "warehouse", "reason", "reference", "memo"],
        positionals: 0...(1 + StockNoteDraft.maximumLines)
    ) { arguments in
        if let action = arguments.positional.first, let kind = StockNoteCommands.actions[action] {
            return try StockNoteCommands.run(kind, arguments)
        }
        try arguments.requirePositionals(0...1, usage: "zhanggui stock [SKU] [--ledger] [--limit N]")
        for option in ["warehouse", "reason", "reference", "memo"] where !arguments.options(option).isEmpty {
            throw UsageError("--\(option) is for stock receive and stock issue")
        }
        let sku = arguments.positional.first
        let limit = try arguments.integer("limit", default: 100)
        if arguments.flag("ledger"), sku == nil { throw UsageError("--ledger needs a SKU") }
        let (database, companyID) = try Workspace(arguments).openCompany()
        if let sku, try database.read({ try CatalogRecords($0).id(ofCode: sku, companyID: companyID) }) == nil {
            throw Refusal("unknown SKU '\(sku)' (no product has this 商家编码)")
        }
        if arguments.flag("ledger"), let sku {
            try printLedger(sku: sku, limit: limit, database: database, companyID: companyID)
        } else {
            try printLevels(sku: sku, limit: limit, database: database, companyID: companyID)
        }
        return 0
    }

    private static func printLedger(sku: String, limit: Int, database: any Database, companyID: Int64) throws {
        let entries = try database.read {
            try ReportQueries($0).ledger(companyID: companyID, skuCode: sku, limit: limit + 1)
        }
        var table = [["仓库", "实物", "占用", "冻结", "金额", "原因", "单据"]]
        for entry in entries.prefix(limit) {
            table.append([
                entry.warehouse, String(entry.onHand), String(entry.reserved), String(entry.frozen),
                Output.yuan(entry.value), entry.reason, entry.document,
            ])
        }
        Output.table(table)
        if entries.count > limit { Output.line("  … more entries (use --limit)") }
    }

    private static func printLevels(sku: String?, limit: Int, database: any Database, companyID: Int64) throws {
        let levels = try database.read { try ReportQueries($0).stockLevels(companyID: companyID, skuCode: sku) }
        if let sku, levels.isEmpty {
            Output.line("no stock recorded for \(sku) in any warehouse")
            return
        }
        var table = [["商家编码", "仓库", "实物库存", "占用", "冻结", "可用"]]
        for level in levels.prefix(limit) {
            table.append([
                level.sku, level.warehouse, String(level.onHand), String(level.reserved), String(level.frozen),
                String(level.onHand - level.reserved - level.frozen),
            ])
        }
        Output.table(table)
        if levels.count > limit { Output.line("  … \(levels.count - limit) more (use --limit)") }
    }

    static let check = Command(
        name: "check",
        summary: "prove every balance matches its ledger and every voucher balances",
        help: """
            Usage: zhanggui check

            Rebuilds every stock balance from the stock ledger and compares; checks reserved stock against open
            reservations, each SKU's cost against the values in its ledger, that every voucher balances, that the
            trial balance is zero, that the inventory account equals the value of the stock, and that every receipt
            and issue (入库单, 出库单) moved what its lines say and its voucher carries its total.
            Every company in the database is checked, each under its own heading when there are several (companies
            registered through the server share the database with the one `zhanggui init` made).
            Exit status 0 when all agree; 1 with every difference named.
            """
    ) { arguments in
        let (database, _) = try Workspace(arguments).openCompany()
        let companies = try database.read { connection in
            try CompanyRecords(connection).companyIDs().compactMap { try CompanyRecords(connection).company($0) }
        }
        var isClean = true
        for company in companies {
            if companies.count > 1 { Output.line("company \(company.id) (\(company.name)):") }
            let report = try IntegrityCheck(database: database).run(companyID: company.id)
            printCheck(report)
            isClean = isClean && report.isClean
        }
        return isClean ? 0 : 1
    }

    static func printCheck(_ report: IntegrityReport) {
        Output.line(
            "stock: \(Output.count(report.stockPlaces)) balances against \(Output.count(report.ledgerEntries)) "
                + "ledger entries; books: \(Output.count(report.vouchers)) vouchers, "
                + "\(Output.count(report.voucherLines)) lines, trial balance \(Output.yuan(report.trialBalanceFen))"
        )
        if report.isClean {
            Output.line("check passed: every balance matches its ledger and every voucher balances")
        } else {
            for difference in report.differences { Output.error("  \(difference)") }
            Output.error("check FAILED: \(report.differences.count) differences (amounts in yuan)")
        }
    }

    static let report = Command(
        name: "report",
        summary: "summarise orders, holds, stock, revenue, cost and margin",
        help: """
            Usage: zhanggui report [--top N]

            Orders by state, held orders by reason, shipments and merges, stock on hand and its value, revenue
            (net of VAT), cost of goods, gross margin, and the SKUs with the largest margin.
            """,
        options: ["top"]
    ) { arguments in
        let top = try arguments.integer("top", default: 5)
        let (database, companyID) = try Workspace(arguments).openCompany()
        let summary = try SalesReport(database: database).summary(companyID: companyID, top: top)
        printSummary(summary)
        return 0
    }

    static func printSummary(_ summary: SalesSummary) {
        Output.line(
            "orders: \(Output.count(summary.orders)) (split parts \(summary.splitParts), "
                + "high priority \(Output.count(summary.highPriority)))"
        )
        for state in TradeState.allCases {
            let count = summary.tradesByState[state.rawValue] ?? 0
            if count > 0 { Output.line("  \(state.chineseName) \(state.rawValue): \(Output.count(count))") }
        }
        for (reason, count) in summary.heldByReason {
            Output.line("  on hold for \(reason.chineseName) (\(reason.rawValue)): \(Output.count(count))")
        }
        Output.line(
            "shipments: \(Output.count(summary.shipments)) (\(Output.count(summary.mergedShipments)) "
                + "with merged orders)"
        )
        Output.line(
            "stock: on hand \(Output.count(summary.onHand)), reserved \(Output.count(summary.reserved)), "
                + "value \(Output.yuan(summary.stockValueFen))"
        )
        let margin = summary.revenueFen - summary.costFen
        let percent = summary.revenueFen == 0 ? 0 : Double(margin) * 100 / Double(summary.revenueFen)
        Output.line(
            "revenue \(Output.yuan(summary.revenueFen)) (net of VAT), cost of goods \(Output.yuan(summary.costFen)), "
                + "gross margin \(Output.yuan(margin)) (\(String(format: "%.1f", percent)) %)"
        )
        if !summary.topSKUs.isEmpty {
            var table = [["商家编码", "收入", "成本", "毛利"]]
            for sku in summary.topSKUs {
                table.append([
                    sku.sku, Output.yuan(sku.revenue), Output.yuan(sku.cost), Output.yuan(sku.revenue - sku.cost),
                ])
            }
            Output.table(table)
        }
    }
}
