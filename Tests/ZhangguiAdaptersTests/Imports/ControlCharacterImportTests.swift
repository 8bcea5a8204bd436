import Testing
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("A cell holding a control character is refused by row and column, never stored cut short")
struct ControlCharacterImportTests {
    @Test("a NUL in a product's name refuses that row naming 商品名称; the other rows and tabs in text import")
    func nul() throws {
        let shop = try ImportShop()
        let path = try shop.write(
            "products.csv",
            "商家编码,商品名称,吊牌价\nNUL-1,a\u{0}b,1.00\nTAB-1,\"a\tb\",2.00\nOK-1,好,3.00\n"
        )

        let report = try shop.importFile(.products, path)

        #expect(report.rowsFailed == 1)
        #expect(report.problems == ["2 商品名称: holds a control character; save the file without them"])
        #expect(try shop.catalog().byCode.keys.sorted() == ["OK-1", "TAB-1"])
    }
}
