import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Combos ship as their components")
struct ComboTests {
    @Test(
        "two gift boxes of one A and three B reserve 2 A and 6 B, and ship at the components' cost",
        arguments: Engine.all
    )
    func comboReservesComponents(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B")
        try shop.database.write { connection in
            var report = ImportReport(kind: "products", file: "test")
            let box = ProductDraft(
                row: 2,
                sku: SKU(code: "BOX", name: "礼盒", listPrice: Money(fen: 5000)),
                components: [ComboComponent(skuCode: "A", quantity: 1), ComboComponent(skuCode: "B", quantity: 3)]
            )
            try CatalogService().add([box], into: &report, companyID: shop.companyID, connection: connection)
        }
        try shop.stock("A", 10, at: 1000)
        try shop.stock("B", 10, at: 200)
        try shop.ingest([makeTrade("T1", lines: [("BOX", 2, 4000)])])

        let reviewed = try shop.review.reviewPending(companyID: shop.companyID)
        #expect(reviewed.approved == 1)
        #expect(try shop.level("A") == StockLevel(onHand: 10, reserved: 2))
        #expect(try shop.level("B") == StockLevel(onHand: 10, reserved: 6))

        let (_, _, _, shipped) = try shop.runMainJob()
        // 2 × 10.00 + 6 × 2.00 = 32.00 cost of goods.
        #expect(shipped.costFen == 3200)
        #expect(try shop.level("B") == StockLevel(onHand: 4))
    }
}

@Suite("Which day an order belongs to is the company's day")
struct BusinessDateTests {
    @Test("an order paid at 23:30 UTC is booked on the next day in Shanghai", arguments: Engine.all)
    func businessDateInCompanyZone(engine: Engine) throws {
        let shop = try TestShop(engine)
        var trade = makeTrade("T1", lines: [("A", 1, 100)])
        trade.paidAt = 1_704_151_800  // 2024-01-01T23:30:00Z = 2024-01-02 07:30 in Shanghai
        try shop.ingest([trade])

        let stored = try shop.trade(try shop.tradeID("T1"))

        #expect(stored.businessDate == "2024-01-02")
    }
}
