import Testing
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("Importing orders from the order template")
struct OrderTemplateImportTests {
    @Test("A two-line order and a one-line order import, priced like 1,299.00, with the discount spread to the fen")
    func twoOrders() throws {
        let shop = try ImportShop()
        let path = try shop.write("orders.csv", TemplateRow.csv(TemplateRow.usualRows))

        let report = try shop.importFile(.orders, path)

        #expect(report.rowsRead == 3)
        #expect(report.imported == 2)
        #expect(report.duplicates == 0)
        #expect(report.rowsFailed == 0)
        #expect(report.issues.isEmpty)
        #expect(try shop.trades().map(summary) == usualTradeSummaries)
        #expect(try shop.trades().allSatisfy { $0.state == .pendingReview })
    }

    @Test("Each order's line nets add up exactly to its goods less the discount")
    func netsAddUp() throws {
        let shop = try ImportShop()
        let rows = [
            TemplateRow(sku: "A", quantity: "1", price: "0.10", discount: "0.10"),
            TemplateRow(sku: "B", quantity: "1", price: "0.10", discount: "0.10"),
            TemplateRow(sku: "C", quantity: "1", price: "0.10", discount: "0.10"),
        ]
        _ = try shop.importFile(.orders, try shop.write("orders.csv", TemplateRow.csv(rows)))

        let trade = try #require(try shop.trade("TB1001"))

        // 10 fen off three lines of 10 fen: 3.33 each, the leftover fen to the first; nets 6, 7 and 7.
        #expect(trade.lines.map(\.net.fen) == [6, 7, 7])
        #expect(trade.paid.fen == 20 + 800)
    }

    @Test("Times are the company's local time: 2024-06-18 20:15:00 in Shanghai is 12:15:00 UTC")
    func localTimes() throws {
        let shop = try ImportShop()
        _ = try shop.importFile(.orders, try shop.write("orders.csv", TemplateRow.csv(TemplateRow.usualRows)))

        // 2024-06-18 is 19,892 days after 1970-01-01: 19,892 × 86,400 + 12 h 15 min = 1,718,712,900.
        #expect(try shop.times("TB1001") == [1_718_712_900, 1_718_712_990])
    }

    @Test("Times that lost their date format in Excel, such as 45461.84375, read as the date and time they are")
    func serialDates() throws {
        let shop = try ImportShop()
        // Serial 25,569 is 1970-01-01, so 45,461 is day 19,892: 2024-06-18. 0.84375 of a day is 20:15:00, and
        // 20:16:30 is 72,990 s, 0.8447916… of a day. Row 3 writes the same time as text.
        let first = TemplateRow(orderedAt: "45461.84375", paidAt: "45461.8447916667")
        let rows = [first, TemplateRow.secondLine, TemplateRow.otherOrder]

        let report = try shop.importFile(.orders, try shop.write("orders.csv", TemplateRow.csv(rows)))

        #expect(report.issues.isEmpty)
        #expect(try shop.times("TB1001") == [1_718_712_900, 1_718_712_990])
        #expect(try shop.trades().map(summary) == usualTradeSummaries)
    }

    @Test("A bare number that cannot be a date since 1970, such as 2024, is not taken for a time")
    func numberIsNoTime() throws {
        let shop = try ImportShop()
        let row = TemplateRow(orderedAt: "2024")

        let report = try shop.importFile(.orders, try shop.write("orders.csv", TemplateRow.csv([row])))

        #expect(report.problems.first == "2 下单时间: '2024' is not a date and time such as 2024-06-18 20:15:00")
        #expect(try shop.count("trades") == 0)
    }

    @Test("A quantity Excel saved as 2.00 is two; 1.5 is refused")
    func quantitiesWithDecimals() throws {
        let shop = try ImportShop()
        let rows = [TemplateRow(quantity: "2.00"), TemplateRow.secondLine, TemplateRow.otherOrder.with("数量", "1.5")]

        let report = try shop.importFile(.orders, try shop.write("orders.csv", TemplateRow.csv(rows)))

        #expect(
            report.problems == [
                "4 数量: '1.5' is not a whole number",
                "4 : order 示例旗舰店/TB1002 (row 4) not imported because of the errors above",
            ]
        )
        #expect(try shop.trades().map(summary) == [usualTradeSummaries[0]])
    }

    @Test("A bad 数量 refuses its whole order, naming the cell and the order, while the other order imports")
    func badQuantityRefusesTheOrder() throws {
        let shop = try ImportShop()
        var badLine = TemplateRow.secondLine
        badLine.quantity = "two"
        let path = try shop.write("orders.csv", TemplateRow.csv([TemplateRow(), badLine, TemplateRow.otherOrder]))

        let report = try shop.importFile(.orders, path)

        #expect(report.rowsRead == 3)
        #expect(report.imported == 1)
        #expect(report.rowsFailed == 2)
        #expect(
            report.problems == [
                "3 数量: 'two' is not a whole number",
                "2 : order 示例旗舰店/TB1001 (rows 2, 3) not imported because of the errors above",
            ]
        )
        #expect(report.issues.allSatisfy { $0.file == "orders.csv" })
        #expect(try shop.trades().map(summary) == [usualTradeSummaries[1]])
    }

    @Test("Importing the same order file twice stores each order once")
    func reimport() throws {
        let shop = try ImportShop()
        let path = try shop.write("orders.csv", TemplateRow.csv(TemplateRow.usualRows))
        _ = try shop.importFile(.orders, path)

        let again = try shop.importFile(.orders, path)

        #expect(again.imported == 0)
        #expect(again.duplicates == 2)
        #expect(again.rowsFailed == 0)
        #expect(try shop.count("trades") == 2)
        #expect(try shop.count("trade_lines") == 3)
    }

    @Test("A dry run reports what a real import does and stores no trade and no import run")
    func dryRun() throws {
        let shop = try ImportShop()
        var badLine = TemplateRow.secondLine
        badLine.quantity = "0"
        let path = try shop.write("orders.csv", TemplateRow.csv([TemplateRow(), badLine, TemplateRow.otherOrder]))

        var dry = try shop.importFile(.orders, path, dryRun: true)

        #expect(dry.isDryRun)
        #expect(try shop.count("trades") == 0)
        #expect(try shop.count("import_runs") == 0)
        let real = try shop.importFile(.orders, path)
        dry.isDryRun = false
        #expect(dry == real)
        #expect(real.imported == 1)
        #expect(real.rowsFailed == 2)
        #expect(try shop.count("trades") == 1)
        #expect(try shop.count("import_runs") == 1)
    }

    @Test("A file that is neither the order template nor the UCI layout gets one clear problem and stores nothing")
    func unknownHeader() throws {
        let shop = try ImportShop()
        let path = try shop.write("export.csv", "单号,商品,件数\nX1,MUG-01,2\n")

        let report = try shop.importFile(.orders, path)

        #expect(report.issues.count == 1)
        #expect(report.issues.first?.file == "export.csv")
        #expect(report.issues.first?.message.contains("neither the order template") == true)
        #expect(report.imported == 0)
        #expect(try shop.count("trades") == 0)
    }

    @Test("An order file without 手机 and 单价 columns names each missing column")
    func missingColumns() throws {
        let shop = try ImportShop()
        let text = """
            订单编号,店铺,下单时间,收货人,省,市,详细地址,商家编码,数量
            TB1001,示例旗舰店,2024-06-18 20:15:00,张示例,上海,上海市,示例路1号,MUG-01,2

            """

        let report = try shop.importFile(.orders, try shop.write("orders.csv", text))

        #expect(
            report.problems == ["1 手机: column is missing from the header", "1 单价: column is missing from the header"]
        )
        #expect(report.imported == 0)
        #expect(try shop.count("trades") == 0)
    }

    @Test("A discount larger than the goods refuses the order")
    func discountBeyondGoods() throws {
        let shop = try ImportShop()
        let row = TemplateRow(quantity: "1", price: "5.00", discount: "6.00")

        let report = try shop.importFile(.orders, try shop.write("orders.csv", TemplateRow.csv([row])))

        #expect(
            report.problems == [
                "2 优惠: discount 6.00 is more than the lines' total",
                "2 : order 示例旗舰店/TB1001 (row 2) not imported because of the errors above",
            ]
        )
        #expect(try shop.count("trades") == 0)
    }
}
