import Testing
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("Importing 商品资料")
struct ProductImportTests {
    /// Rows 2, 3 and 8 are good; 4 to 7 are bad as read; row 9's combo names a SKU nobody has.
    static let catalogue = """
        商家编码,商品名称,吊牌价,条码,规格,重量(克),组合明细
        MUG-01,保温杯,129.00,6901234567892,500ml,350,
        CUP-02,陶瓷杯,"1,045.50",,白色,280,
        BAD-1,坏价格,abc,,,,
        BAD-2,太细的价格,0.001,,,,
        NONAME,,19.90,,,,
        MUG-01,保温杯重复,99.00,,,,
        GIFT-01,礼盒,199.00,,,,MUG-01*1;CUP-02*2
        GIFT-02,神秘礼盒,99.00,,,,MUG-01*1;NOPE-9*1

        """

    static let expectedProblems = [
        "4 吊牌价: 'abc' is not an amount",
        "5 吊牌价: '0.001' has more than two decimal places",
        "6 商品名称: is empty",
        "7 商家编码: MUG-01 appears again (first on row 2)",
        "9 组合明细: component NOPE-9 is not a known SKU",
    ]

    @Test("The good rows import and every bad row is named by file, row and column")
    func goodRowsImportBadRowsAreNamed() throws {
        let shop = try ImportShop()
        let path = try shop.write("products.csv", Self.catalogue)

        let report = try shop.importFile(.products, path)

        #expect(report.rowsRead == 8)
        #expect(report.imported == 3)
        #expect(report.duplicates == 0)
        #expect(report.rowsFailed == 5)
        #expect(report.problems == Self.expectedProblems)
        #expect(report.issues.allSatisfy { $0.file == "products.csv" })
        #expect(report.issues[0].description == "products.csv row 4, column 吊牌价: 'abc' is not an amount")
        #expect(try shop.catalog().byCode.keys.sorted() == ["CUP-02", "GIFT-01", "MUG-01"])
    }

    @Test("A product keeps its list price to the fen and is found by its barcode too")
    func productFields() throws {
        let shop = try ImportShop()
        _ = try shop.importFile(.products, try shop.write("products.csv", Self.catalogue))

        let catalog = try shop.catalog()

        #expect(catalog.entry(forMerchantCode: "MUG-01")?.listPrice.fen == 12_900)
        #expect(catalog.entry(forMerchantCode: "CUP-02")?.listPrice.fen == 104_550)
        #expect(catalog.entry(forMerchantCode: "6901234567892")?.code == "MUG-01")
    }

    @Test("A combo holds its components, and one naming an unknown SKU is refused with its row")
    func combos() throws {
        let shop = try ImportShop()
        _ = try shop.importFile(.products, try shop.write("products.csv", Self.catalogue))

        #expect(try shop.parts(of: "GIFT-01") == ["MUG-01*1", "CUP-02*2"])
        #expect(try shop.parts(of: "MUG-01") == ["MUG-01*1"])
        #expect(try shop.catalog().entry(forMerchantCode: "GIFT-02") == nil)
    }

    @Test("Importing the same file again adds nothing and counts the products as already there")
    func reimport() throws {
        let shop = try ImportShop()
        let path = try shop.write("products.csv", Self.catalogue)
        _ = try shop.importFile(.products, path)

        let again = try shop.importFile(.products, path)

        #expect(again.rowsRead == 8)
        #expect(again.imported == 0)
        #expect(again.duplicates == 3)
        #expect(again.rowsFailed == 5)
        #expect(again.problems == Self.expectedProblems)
        #expect(try shop.catalog().byCode.count == 3)
        #expect(try shop.count("import_runs") == 2)
    }

    @Test("A file without 吊牌价 and 商品名称 columns names both and imports nothing")
    func missingColumns() throws {
        let shop = try ImportShop()
        let path = try shop.write("products.csv", "商家编码,条码\nMUG-01,6901234567892\n")

        let report = try shop.importFile(.products, path)

        #expect(
            report.problems == [
                "1 商品名称: column is missing from the header", "1 吊牌价: column is missing from the header",
            ]
        )
        #expect(report.imported == 0)
        #expect(try shop.catalog().byCode.isEmpty)
    }

    @Test("The weight is read in whole grams, also from a 重量（克） column typed with full-width brackets")
    func weights() throws {
        let shop = try ImportShop()
        let halfWidth = "商家编码,商品名称,吊牌价,重量(克)\nMUG-01,保温杯,129.00,350\nCUP-02,陶瓷杯,45.50,280.00\n"
        let fullWidth = "商家编码,商品名称,吊牌价,重量（克）\nTEA-03,茶叶,88.00,\"1,250\"\n"

        let first = try shop.importFile(.products, try shop.write("products.csv", halfWidth))
        let second = try shop.importFile(.products, try shop.write("more_products.csv", fullWidth))

        #expect(first.issues.isEmpty && second.issues.isEmpty)
        #expect(try shop.weightGrams("MUG-01") == 350)
        #expect(try shop.weightGrams("CUP-02") == 280)
        #expect(try shop.weightGrams("TEA-03") == 1_250)
    }

    @Test("A weight that is not whole grams and a badly written combo are refused with their columns")
    func badWeightAndComboText() throws {
        let shop = try ImportShop()
        let text = """
            商家编码,商品名称,吊牌价,重量(克),组合明细
            MUG-01,保温杯,129.00,0.35kg,
            GIFT-01,礼盒,199.00,,MUG-01x1

            """

        let report = try shop.importFile(.products, try shop.write("products.csv", text))

        #expect(
            report.problems == [
                "2 重量(克): '0.35kg' is not a weight in grams",
                "3 组合明细: 'MUG-01x1' is not code*quantity",
            ]
        )
        #expect(report.imported == 0)
    }
}
