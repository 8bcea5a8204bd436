import Testing
import ZhangguiAdapters
import ZhangguiServices
import ZhangguiStore

/// The fixtures in `Fixtures/imports` hold the rows of ``TemplateRow/usualRows``, written by
/// `make_import_fixtures.py`.
@Suite("One order file, saved in every format a seller's tools produce")
struct OrderFileFormatsTests {
    @Test(
        "GB18030 with CRLF, gzip UTF-8 with a BOM, and an XLSX sheet import the same two orders",
        arguments: [("orders_gb18030.csv", nil), ("orders.csv.gz", nil), ("orders.xlsx", "订单")] as [(String, String?)]
    )
    func sameOrders(file: String, sheet: String?) throws {
        let shop = try ImportShop()

        let report = try shop.importFile(.orders, Fixtures.path("imports/\(file)"), sheet: sheet)

        #expect(report.file == file)
        #expect(report.rowsRead == 3)
        #expect(report.imported == 2)
        #expect(report.issues.isEmpty)
        #expect(try shop.trades().map(summary) == usualTradeSummaries)
    }

    @Test("The GB18030 file and the XLSX workbook store trades equal in every field to a plain UTF-8 file's")
    func identicalTrades() throws {
        let plain = try ImportShop()
        _ = try plain.importFile(.orders, try plain.write("orders.csv", TemplateRow.csv(TemplateRow.usualRows)))
        let chinese = try ImportShop()
        _ = try chinese.importFile(.orders, Fixtures.path("imports/orders_gb18030.csv"))
        let workbook = try ImportShop()
        _ = try workbook.importFile(.orders, Fixtures.path("imports/orders.xlsx"), sheet: "订单")

        let expected = try plain.trades()

        #expect(expected.count == 2)
        #expect(try chinese.trades() == expected)
        #expect(try workbook.trades() == expected)
    }

    @Test("Without --sheet the workbook's first sheet is read, and its instructions are no order file")
    func firstSheetByDefault() throws {
        let shop = try ImportShop()

        let report = try shop.importFile(.orders, Fixtures.path("imports/orders.xlsx"))

        #expect(report.issues.count == 1)
        #expect(report.issues.first?.message.contains("neither the order template") == true)
        #expect(try shop.count("trades") == 0)
    }

    @Test("A sheet name the workbook does not have stops the import before anything is stored")
    func missingSheet() throws {
        let shop = try ImportShop()

        #expect(throws: TableFileError.self) {
            try shop.importFile(.orders, Fixtures.path("imports/orders.xlsx"), sheet: "Orders")
        }
        #expect(try shop.count("trades") == 0)
        #expect(try shop.count("import_runs") == 0)
    }
}
