import Testing
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("Values no seller means are refused with their row, never a crash")
struct ImportLimitsTests {
    @Test(
        "a barcode pasted into 数量, a price beyond 100,000,000.00 and impossible days are named by row and column",
        arguments: [
            ("数量", "6901234567892", "数量: '6901234567892' is more than 10000000"),
            ("单价", "92233720368547758.07", "单价: '92233720368547758.07' is more than 100000000.00"),
            (
                "下单时间", "2024-02-30 10:00:00",
                "下单时间: '2024-02-30 10:00:00' is not a date and time such as 2024-06-18 20:15:00"
            ),
            ("付款时间", "2024-06-18 20:00:00", "付款时间: is earlier than 下单时间"),
        ]
    )
    func badCellsAreRefused(column: String, value: String, problem: String) throws {
        let shop = try ImportShop()
        let row = TemplateRow().with(column, value)

        let report = try shop.importFile(.orders, try shop.write("orders.csv", TemplateRow.csv([row])))

        #expect(report.imported == 0)
        #expect(report.rowsFailed == 1)
        #expect(report.problems.first == "2 \(problem)")
        #expect(try shop.trades().isEmpty)
    }

    @Test("many lines at the largest price are refused as an order too large to store")
    func orderTotalIsBounded() throws {
        let shop = try ImportShop()
        // 10 lines of 10,000,000 × 100,000,000.00 = 10¹⁸ fen each: far beyond the 10¹²-fen order limit.
        let rows = (0..<10).map { _ in TemplateRow().with("数量", "10000000").with("单价", "100000000.00") }

        let report = try shop.importFile(.orders, try shop.write("orders.csv", TemplateRow.csv(rows)))

        #expect(report.imported == 0)
        #expect(report.problems.first == "2 : the order's total is more than 10000000000.00")
    }
}

@Suite("Catalogue rules the importers enforce")
struct CatalogueRulesTests {
    @Test("a barcode names one product: a second product with it is refused, in the same file or later")
    func barcodesAreUnique() throws {
        let shop = try ImportShop()
        let first = """
            商家编码,商品名称,吊牌价,条码
            A,甲,10.00,6901234567892
            B,乙,10.00,6901234567892

            """
        let second = """
            商家编码,商品名称,吊牌价,条码
            C,丙,10.00,6901234567892

            """

        let report = try shop.importFile(.products, try shop.write("p1.csv", first))
        let later = try shop.importFile(.products, try shop.write("p2.csv", second))

        #expect(report.problems == ["3 条码: barcode 6901234567892 appears again (first on row 2)"])
        #expect(later.problems == ["2 条码: barcode 6901234567892 belongs to A already"])
        #expect(later.imported == 0)
    }

    @Test("a combo cannot hold a combo, and stock is kept for components, not for the combo")
    func combosStayFlat() throws {
        let shop = try ImportShop()
        let products = """
            商家编码,商品名称,吊牌价,组合明细
            A,甲,10.00,
            BOX,礼盒,30.00,A*2
            BIGBOX,大礼盒,60.00,BOX*2

            """
        let stock = """
            仓库,商家编码,数量,单位成本
            MAIN,A,10,4.00
            MAIN,BOX,5,8.00

            """

        let productReport = try shop.importFile(.products, try shop.write("p.csv", products))
        let stockReport = try shop.importFile(.openingStock, try shop.write("s.csv", stock))

        #expect(productReport.problems == ["4 组合明细: component BOX is itself a combo"])
        #expect(
            stockReport.problems == ["3 商家编码: BOX is a combo; stock is kept for its components"]
        )
        #expect(stockReport.imported == 1)
    }

    @Test("opening stock taken again with another quantity is refused, not silently ignored")
    func openingStockIsTakenOnce() throws {
        let shop = try ImportShop()
        _ = try shop.importFile(.products, try shop.write("p.csv", "商家编码,商品名称,吊牌价\nA,甲,10.00\n"))
        _ = try shop.importFile(.openingStock, try shop.write("s1.csv", "仓库,商家编码,数量,单位成本\nMAIN,A,10,4.00\n"))

        let same = try shop.importFile(.openingStock, try shop.write("s2.csv", "仓库,商家编码,数量,单位成本\nMAIN,A,10,4.00\n"))
        let other = try shop.importFile(.openingStock, try shop.write("s3.csv", "仓库,商家编码,数量,单位成本\nMAIN,A,500,4.00\n"))

        #expect(same.duplicates == 1)
        #expect(same.issues.isEmpty)
        #expect(
            other.problems == [
                "2 数量: opening stock of MAIN/A was taken already as 10 units; it is taken once"
            ]
        )
    }
}

@Suite("A header must say which column is which")
struct HeaderTests {
    @Test("a column headed twice stops the import before any row is read")
    func repeatedColumnIsRefused() throws {
        let shop = try ImportShop()
        let text = "商家编码,商品名称,吊牌价,吊牌价\nA,甲,10.00,12.00\n"

        let report = try shop.importFile(.products, try shop.write("p.csv", text))

        #expect(report.problems == ["1 吊牌价: column appears twice in the header"])
        #expect(report.imported == 0)
    }
}
