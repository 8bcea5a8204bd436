import Testing
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices

@Suite("Importing 期初库存")
struct OpeningStockImportTests {
    static let products = """
        商家编码,商品名称,吊牌价
        MUG-01,保温杯,129.00
        CUP-02,陶瓷杯,45.50
        TEA-03,茶叶,88.00

        """

    /// Rows 2 and 3 are good; the others name a warehouse or SKU we do not have, or a quantity below one.
    static let openingStock = """
        仓库,商家编码,数量,单位成本
        MAIN,MUG-01,100,35.20
        MAIN,CUP-02,"1,200",8.05
        EAST,MUG-01,5,35.20
        MAIN,NOPE-9,5,1.00
        MAIN,TEA-03,0,20.00
        MAIN,TEA-03,-3,20.00

        """

    /// 库存商品 in the small-enterprise chart of accounts.
    static let inventoryAccount = "1405"

    /// A shop whose catalogue holds MUG-01, CUP-02 and TEA-03, and whose only warehouse is MAIN.
    static func shopWithProducts() throws -> ImportShop {
        let shop = try ImportShop(warehouses: ["MAIN"])
        let report = try shop.importFile(.products, try shop.write("products.csv", Self.products))
        #expect(report.imported == 3)
        return shop
    }

    @Test("Good lines go into stock; an unknown warehouse or SKU and quantities 0 and -3 are refused by row and column")
    func goodLinesAndRefusals() throws {
        let shop = try Self.shopWithProducts()

        let report = try shop.importFile(.openingStock, try shop.write("opening.csv", Self.openingStock))

        #expect(report.rowsRead == 6)
        #expect(report.imported == 2)
        #expect(report.rowsFailed == 4)
        #expect(
            report.problems == [
                "6 数量: '0' must be at least 1",
                "7 数量: '-3' must be at least 1",
                "4 仓库: warehouse EAST does not exist",
                "5 商家编码: SKU NOPE-9 is not in the catalogue",
            ]
        )
        #expect(report.issues.allSatisfy { $0.file == "opening.csv" })
        #expect(try shop.level("MUG-01") == StockLevel(onHand: 100))
        #expect(try shop.level("CUP-02") == StockLevel(onHand: 1_200))
        #expect(try shop.level("TEA-03") == StockLevel())
    }

    @Test("Opening stock is valued at its unit cost and booked to 库存商品 in one voucher")
    func valueAndVoucher() throws {
        let shop = try Self.shopWithProducts()

        _ = try shop.importFile(.openingStock, try shop.write("opening.csv", Self.openingStock))

        // 100 × 35.20 = 3,520.00 and 1,200 × 8.05 = 9,660.00; together 13,180.00.
        #expect(try shop.stockValue("MUG-01") == 352_000)
        #expect(try shop.stockValue("CUP-02") == 966_000)
        #expect(try shop.voucherCount() == 1)
        #expect(try shop.accountBalance(Self.inventoryAccount) == 1_318_000)
    }

    @Test("Importing the same opening stock again moves no stock and posts no second voucher")
    func reimport() throws {
        let shop = try Self.shopWithProducts()
        let path = try shop.write("opening.csv", Self.openingStock)
        _ = try shop.importFile(.openingStock, path)

        let again = try shop.importFile(.openingStock, path)

        #expect(again.imported == 0)
        #expect(again.duplicates == 2)
        #expect(again.rowsFailed == 4)
        #expect(try shop.ledgerEntryCount() == 2)
        #expect(try shop.level("MUG-01") == StockLevel(onHand: 100))
        #expect(try shop.level("CUP-02") == StockLevel(onHand: 1_200))
        #expect(try shop.voucherCount() == 1)
        #expect(try shop.accountBalance(Self.inventoryAccount) == 1_318_000)
    }

    @Test("The same warehouse and SKU twice in one file: the second row is refused")
    func sameLineTwice() throws {
        let shop = try Self.shopWithProducts()
        let text = "仓库,商家编码,数量,单位成本\nMAIN,MUG-01,10,35.20\nMAIN,MUG-01,4,35.20\n"

        let report = try shop.importFile(.openingStock, try shop.write("opening.csv", text))

        #expect(report.problems == ["3 商家编码: MAIN/MUG-01 appears again (first on row 2)"])
        #expect(try shop.level("MUG-01") == StockLevel(onHand: 10))
    }

    @Test("A dry run reports the lines it would take and moves no stock")
    func dryRun() throws {
        let shop = try Self.shopWithProducts()

        let report = try shop.importFile(.openingStock, try shop.write("opening.csv", Self.openingStock), dryRun: true)

        #expect(report.isDryRun)
        #expect(report.imported == 2)
        #expect(report.rowsFailed == 4)
        #expect(try shop.ledgerEntryCount() == 0)
        #expect(try shop.voucherCount() == 0)
    }
}
