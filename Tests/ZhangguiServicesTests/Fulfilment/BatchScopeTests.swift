import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("a batch step run for a user acts only on the orders of their shops and warehouses")
struct BatchScopeTests {
    /// A shop with A stocked only in MAIN and B only in SOUTH, and three approved orders to three receivers:
    /// T1 (A, from MAIN), T2 (B, from SOUTH), T3 (A, from MAIN) of shop SHOP, and T4 (A, from MAIN) of shop OTHER.
    private func approvedOrders(_ engine: Engine) throws -> (TestShop, main: Int64, south: Int64, ids: [Int64]) {
        let shop = try TestShop(engine)
        let main = try shop.addWarehouse("MAIN")
        let south = try shop.addWarehouse("SOUTH", priority: 2)
        try shop.addSKUs("A", "B")
        try shop.stock("A", 10, in: "MAIN")
        try shop.stock("B", 10, in: "SOUTH")
        var other = makeTrade("T4", lines: [("A", 1, 1000)], receiver: "赵示例")
        other.shopCode = "OTHER"
        try shop.ingest([
            makeTrade("T1", lines: [("A", 1, 1000)], receiver: "张示例"),
            makeTrade("T2", lines: [("B", 1, 1000)], receiver: "李示例"),
            makeTrade("T3", lines: [("A", 1, 1000)], receiver: "王示例"), other,
        ])
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        let ids = try ["T1", "T2", "T3", "T4"].map(shop.tradeID)
        return (shop, main, south, ids)
    }

    private func states(_ shop: TestShop, _ ids: [Int64]) throws -> [TradeState] {
        try ids.map { try shop.trade($0).state }
    }

    @Test("scoped to warehouse MAIN and shop SHOP, each step passes over the others' orders", arguments: Engine.all)
    func warehouseAndShopScope(engine: Engine) throws {
        let (shop, main, _, ids) = try approvedOrders(engine)
        let shopID = try shop.trade(ids[0]).shopID
        let scope = DataScope(shops: .only([shopID]), warehouses: .only([main]))

        let allocated = try AllocationService(database: shop.database)
            .allocateApproved(companyID: shop.companyID, scope: scope)
        #expect(allocated.trades == 2)
        #expect(try states(shop, ids) == [.allocated, .approved, .allocated, .approved])

        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)
        let waybilled = try WaybillService(database: shop.database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: shop.companyID, scope: scope)
        #expect(waybilled == 2)
        #expect(try states(shop, ids) == [.waybilled, .allocated, .waybilled, .allocated])

        _ = try WaybillService(database: shop.database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: shop.companyID)
        // Shipments 1 and 3 are in scope, 2 between them is not: shipping must not take it along.
        let shipped = try ShippingService(database: shop.database)
            .shipWaybilled(companyID: shop.companyID, scope: scope)
        #expect(shipped.shipments == 2)
        #expect(shipped.units == 2)
        #expect(try states(shop, ids) == [.shipped, .waybilled, .shipped, .waybilled])
        #expect(try shop.level("B", in: "SOUTH") == StockLevel(onHand: 10, reserved: 1, frozen: 0))

        let rest = try ShippingService(database: shop.database).shipWaybilled(companyID: shop.companyID)
        #expect(rest.shipments == 2)
        #expect(try IntegrityCheck(database: shop.database).run(companyID: shop.companyID).isClean)
    }

    @Test("with nothing in scope, nothing is allocated, waybilled or shipped", arguments: Engine.all)
    func closedScope(engine: Engine) throws {
        let (shop, _, _, ids) = try approvedOrders(engine)
        let closed = DataScope(shops: .only([]), warehouses: .only([]))

        let allocated = try AllocationService(database: shop.database)
            .allocateApproved(companyID: shop.companyID, scope: closed, batchSize: 1)

        #expect(allocated == AllocationSummary())
        #expect(try states(shop, ids) == [.approved, .approved, .approved, .approved])
    }
}
