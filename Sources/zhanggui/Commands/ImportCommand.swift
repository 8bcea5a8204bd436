import Foundation
import ZhangguiAdapters
import ZhangguiServices

enum ImportCommand {
    static let command = Command(
        name: "import",
        summary: "import products, opening stock or orders from CSV or XLSX",
        help: """
            Usage: zhanggui import products|stock|orders FILE [--shop CODE] [--sheet NAME] [--dry-run]

            Reads FILE (.csv, .csv.gz or .xlsx; UTF-8 with or without BOM, or GB18030 as Chinese Excel saves it)
            and stores its good rows. Every bad row is reported with file, row and column; the good rows still
            import. Importing the same file again stores nothing twice. See docs/IMPORT.md for the templates.

              products   商品资料: 商家编码, 商品名称, 吊牌价 [, 条码, 规格, 重量(克), 组合明细]
              stock      期初库存: 仓库, 商家编码, 数量, 单位成本
              orders     the order template (订单编号, 店铺, 下单时间, …) or the UCI Online Retail layout

            Options:
              --shop CODE    shop for files whose rows name none (UCI layout; default UCI)
              --sheet NAME   XLSX sheet to read (default the first)
              --dry-run      report everything, store nothing
            Exit status: 0 when every row imported, 1 when some rows were refused, 2 for usage errors.
            """,
        flags: ["dry-run"],
        options: ["shop", "sheet"],
        positionals: 2...2
    ) { arguments in
        let kindName = arguments.positional[0]
        guard let kind = ImportKind(rawValue: kindName) else {
            throw UsageError("unknown kind '\(kindName)' (products, stock or orders)")
        }
        let workspace = Workspace(arguments)
        let places = kind == .orders ? try workspace.addressBook().districtPlaces : []
        let (database, companyID) = try workspace.openCompany()
        let stopwatch = Stopwatch()
        let report = try FileImporter(database: database, companyID: companyID, places: places).importFile(
            kind,
            path: arguments.positional[1],
            shop: arguments.option("shop") ?? "UCI",
            sheet: arguments.option("sheet"),
            dryRun: arguments.flag("dry-run")
        )
        printReport(report, seconds: stopwatch.seconds)
        return report.issues.isEmpty ? 0 : 1
    }

    static func printReport(_ report: ImportReport, seconds: Double) {
        let mode = report.isDryRun ? " (dry run: nothing stored)" : ""
        Output.line("import \(report.kind) \(report.file)\(mode)")
        var counts = "  rows read \(Output.count(report.rowsRead)), imported \(Output.count(report.imported))"
        if report.cancelled > 0 { counts += ", cancelled orders \(Output.count(report.cancelled))" }
        counts += ", already there \(Output.count(report.duplicates)), rows refused \(Output.count(report.rowsFailed))"
        Output.line(counts + String(format: " in %.2f s", seconds))
        let shown = report.issues.prefix(20)
        for issue in shown { Output.error("  " + Output.printable(issue.description)) }
        if report.issues.count > shown.count {
            Output.error("  … and \(report.issues.count - shown.count) more problems")
        }
    }
}
