import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("checking one order loads only its own SKUs, and sees them as the whole catalogue would")
struct OrderSnapshotTests {
    @Test(
        "by code, by barcode and through a combo: the same entries, stock and costs; nothing else",
        arguments: Engine.all
    )
    func subsetMatchesWhole(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.database.write { connection in
            var report = ImportReport(kind: "products", file: "test")
            let drafts = [
                ProductDraft(row: 2, sku: SKU(code: "A", name: "A", listPrice: Money(fen: 1000))),
                ProductDraft(
                    row: 3,
                    sku: SKU(code: "B", barcode: "6900000000017", name: "B", listPrice: Money(fen: 300))
                ),
                ProductDraft(row: 4, sku: SKU(code: "X", name: "X", listPrice: Money(fen: 100))),
                ProductDraft(
                    row: 5,
                    sku: SKU(code: "BOX", name: "礼盒", listPrice: Money(fen: 5000)),
                    components: [ComboComponent(skuCode: "A", quantity: 1), ComboComponent(skuCode: "B", quantity: 3)]
                ),
            ]
            try CatalogService().add(drafts, into: &report, companyID: shop.companyID, connection: connection)
        }
        try shop.stock("A", 10, at: 1000)
        try shop.stock("B", 7, at: 200)
        try shop.stock("X", 5, at: 50)
        let codes: Set<String> = ["BOX", "6900000000017", "NOPE", ""]

        let (whole, part) = try shop.database.read { connection in
            let context = try CompanyContext.load(shop.companyID, from: connection)
            return (
                try StockSnapshot.load(context: context, connection: connection),
                try StockSnapshot.load(context: context, connection: connection, merchantCodes: codes)
            )
        }

        for code in codes {
            #expect(part.catalog.entry(forMerchantCode: code)?.id == whole.catalog.entry(forMerchantCode: code)?.id)
        }
        #expect(part.catalog.entry(forMerchantCode: "6900000000017")?.code == "B")
        #expect(Set(part.catalog.codeByID.values) == ["A", "B", "BOX"])
        let box = try #require(part.catalog.entry(forMerchantCode: "BOX"))
        #expect(box.parts.map(\.quantity) == [1, 3])
        let ids = box.parts.map(\.skuID)
        let main = try #require(whole.warehouses.first?.id)
        #expect(ids.map { part.available(skuID: $0, in: [main]) } == [10, 7])
        #expect(ids.map { part.cost(skuID: $0, quantity: 2) } == ids.map { whole.cost(skuID: $0, quantity: 2) })
        #expect(part.available.values.flatMap(\.values).reduce(0, +) == 17)
        #expect(part.costs.count == 2)
    }
}
