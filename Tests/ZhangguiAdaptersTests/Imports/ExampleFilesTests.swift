import Foundation
import Testing
import ZhangguiAdapters
import ZhangguiServices

/// The example files docs/IMPORT.md points sellers to must import as the page says.
@Suite("The example files in docs/examples")
struct ExampleFilesTests {
    /// A file in `docs/examples` of this checkout.
    static func example(_ name: String) -> String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Imports
            .deletingLastPathComponent()  // ZhangguiAdaptersTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("docs/examples/\(name)")
            .path
    }

    @Test("Products, then opening stock, then orders import without a single problem")
    func examplesImportCleanly() throws {
        let shop = try ImportShop(warehouses: ["MAIN"])

        let products = try shop.importFile(.products, Self.example("products.csv"))
        let stock = try shop.importFile(.openingStock, Self.example("opening_stock.csv"))
        let orders = try shop.importFile(.orders, Self.example("orders.csv"))

        #expect(products.issues.isEmpty)
        #expect(stock.issues.isEmpty)
        #expect(orders.issues.isEmpty)
        #expect(products.imported == 4)
        #expect(stock.imported == 3)
        // EX1001 has two lines; EX1002 and EX1003 one each.
        #expect(orders.rowsRead == 4)
        #expect(orders.imported == 3)
    }
}
