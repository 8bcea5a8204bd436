import Testing
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("Later rows of an order must agree with its first row")
struct OrderLevelCellsTests {
    static let reminder = "repeat the first row's value or leave the cell empty"

    @Test(
        "A later row whose order-level cell says something else refuses the order, naming the row and the column",
        arguments: [
            ("下单时间", "2024-06-18 21:00:00"), ("付款时间", "2024-06-18 20:20:00"), ("收货人", "王示例"),
            ("手机", "13700137000"), ("省", "北京"), ("市", "北京市"), ("区", "徐汇区"), ("详细地址", "示例路9号"),
            ("优惠", "5.00"), ("运费", "0"), ("买家留言", "不要了"), ("卖家备注", "加急"),
        ]
    )
    func differingCell(column: String, value: String) throws {
        let shop = try ImportShop()
        let rows = [TemplateRow(), TemplateRow.secondLine.with(column, value), TemplateRow.otherOrder]

        let report = try shop.importFile(.orders, try shop.write("orders.csv", TemplateRow.csv(rows)))

        #expect(
            report.problems == [
                "3 \(column): differs from row 2 of the same order; \(Self.reminder)",
                "2 : order 示例旗舰店/TB1001 (rows 2, 3) not imported because of the errors above",
            ]
        )
        #expect(report.imported == 1)
        #expect(report.rowsFailed == 2)
        #expect(try shop.trades().map(\.platformOrderID) == ["TB1002"])
    }

    @Test("Every differing cell of a row is named, and rows of other orders are not compared with it")
    func severalDifferingCells() throws {
        let shop = try ImportShop()
        let second = TemplateRow.secondLine.with("收货人", "王示例").with("运费", "12.00")

        let report = try shop.importFile(
            .orders,
            try shop.write("orders.csv", TemplateRow.csv([TemplateRow(), TemplateRow.otherOrder, second]))
        )

        #expect(
            report.problems == [
                "4 收货人: differs from row 2 of the same order; \(Self.reminder)",
                "4 运费: differs from row 2 of the same order; \(Self.reminder)",
                "2 : order 示例旗舰店/TB1001 (rows 2, 4) not imported because of the errors above",
            ]
        )
        #expect(report.imported == 1)
    }

    @Test("Later rows may write the same time, amount or text differently, or leave order-level cells empty")
    func sameMeaningOrEmpty() throws {
        let shop = try ImportShop()
        var second = TemplateRow.secondLine.with("下单时间", "2024/6/18 20:15").with("优惠", "10").with("运费", "¥8")
        for column in ["付款时间", "收货人", "手机", "省", "市", "区", "详细地址", "买家留言"] {
            second = second.with(column, "")
        }
        let otherAgain = TemplateRow.otherOrder.with("优惠", "0.00").with("运费", "0")
        let rows = [TemplateRow(), second, TemplateRow.otherOrder, otherAgain]

        let report = try shop.importFile(.orders, try shop.write("orders.csv", TemplateRow.csv(rows)))

        #expect(report.issues.isEmpty)
        #expect(try shop.trade("TB1001").map(summary) == usualTradeSummaries[0])
        // An empty 优惠 or 运费 on TB1002's first row is zero, so 0.00 and 0 on its second row agree.
        #expect(try shop.trade("TB1002")?.paid.fen == 3_690 * 2)
    }

    @Test("The same order number in two shops is two orders, compared each with its own first row")
    func sameNumberInTwoShops() throws {
        let shop = try ImportShop()
        var other = TemplateRow.otherOrder
        other.order = "TB1001"
        other.shop = "示例专营店"

        let report = try shop.importFile(
            .orders,
            try shop.write("orders.csv", TemplateRow.csv([TemplateRow(), other, TemplateRow.secondLine]))
        )

        #expect(report.issues.isEmpty)
        #expect(report.imported == 2)
    }
}
