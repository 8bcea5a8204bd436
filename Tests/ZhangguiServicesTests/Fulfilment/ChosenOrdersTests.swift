import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("a batch step given the ticked orders acts on those orders' parcels only")
struct ChosenOrdersTests {
    /// Four approved orders of A to four receivers, T1 to T4, each its own parcel once allocated.
    private func approvedOrders(_ engine: Engine) throws -> (TestShop, [Int64]) {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 10, in: "MAIN")
        try shop.ingest([
            makeTrade("T1", lines: [("A", 1, 1000)], receiver: "张示例"),
            makeTrade("T2", lines: [("A", 1, 1000)], receiver: "李示例"),
            makeTrade("T3", lines: [("A", 2, 1000)], receiver: "王示例"),
            makeTrade("T4", lines: [("A", 1, 1000)], receiver: "赵示例"),
        ])
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        return (shop, try ["T1", "T2", "T3", "T4"].map(shop.tradeID))
    }

    private func states(_ shop: TestShop, _ ids: [Int64]) throws -> [TradeState] {
        try ids.map { try shop.trade($0).state }
    }

    @Test("T2 and T3 ticked: allocate, waybill and ship take them and leave T1 and T4", arguments: Engine.all)
    func tickedOnly(engine: Engine) throws {
        let (shop, ids) = try approvedOrders(engine)
        let ticked: Set<Int64> = [ids[1], ids[2]]
        let courier = OfflineRangeCourier(code: "ZG")

        let allocated = try AllocationService(database: shop.database)
            .allocateApproved(companyID: shop.companyID, tradeIDs: ticked, batchSize: 1)
        #expect(allocated.trades == 2 && allocated.shipments == 2)
        #expect(try states(shop, ids) == [.approved, .allocated, .allocated, .approved])

        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)
        let waybilled = try WaybillService(database: shop.database, courier: courier)
            .waybillAllocated(companyID: shop.companyID, tradeIDs: ticked, batchSize: 1)
        #expect(waybilled == 2)
        #expect(try states(shop, ids) == [.allocated, .waybilled, .waybilled, .allocated])

        _ = try WaybillService(database: shop.database, courier: courier).waybillAllocated(companyID: shop.companyID)
        let shipped = try ShippingService(database: shop.database)
            .shipWaybilled(companyID: shop.companyID, tradeIDs: [ids[2]])
        // T3 alone: one parcel of two units.
        #expect(shipped.shipments == 1 && shipped.units == 2)
        #expect(try states(shop, ids) == [.waybilled, .waybilled, .shipped, .waybilled])
        #expect(try IntegrityCheck(database: shop.database).run(companyID: shop.companyID).isClean)
    }

    @Test("no ticked order, or only ones not ready, changes nothing", arguments: Engine.all)
    func nothingReady(engine: Engine) throws {
        let (shop, ids) = try approvedOrders(engine)

        let none = try AllocationService(database: shop.database)
            .allocateApproved(companyID: shop.companyID, tradeIDs: [])
        let notAllocated = try WaybillService(database: shop.database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: shop.companyID, tradeIDs: [ids[0]])
        let notWaybilled = try ShippingService(database: shop.database)
            .shipWaybilled(companyID: shop.companyID, tradeIDs: [ids[0]])

        #expect(none == AllocationSummary() && notAllocated == 0 && notWaybilled.shipments == 0)
        #expect(try states(shop, ids) == [.approved, .approved, .approved, .approved])
    }
}
