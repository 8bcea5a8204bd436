import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("an order action or batch step and its audit entry are written together or not at all")
struct AuditInTransactionTests {
    /// Who the entries name: no user (the company's own process), request id `req-1`, at a fixed time.
    private static func audit(_ shop: TestShop) -> AuditContext {
        AuditContext(actor: AuditActor(companyID: shop.companyID, userID: nil, requestID: "req-1"), at: 1_800_000_000)
    }

    /// An actor whose user does not exist: its entry breaks the foreign key, so writing it fails.
    private static func brokenAudit(_ shop: TestShop) -> AuditContext {
        AuditContext(actor: AuditActor(companyID: shop.companyID, userID: 999_999), at: 1_800_000_000)
    }

    private func entries(_ shop: TestShop, _ object: AuditObject) throws -> [AuditEntry] {
        try shop.database.read { connection in
            try AuditRecords(connection)
                .entries(objectType: object.type, objectID: object.id, companyID: shop.companyID, limit: 100)
                .map(\.entry)
        }
    }

    /// A shop with 5 of A in MAIN and two orders: T1 for 2 units, T2 for 8 (more than there is).
    private func shopWithOrders(_ engine: Engine) throws -> (TestShop, t1: Int64, t2: Int64) {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 5)
        try shop.ingest([
            makeTrade("T1", lines: [("A", 2, 1000)]), makeTrade("T2", lines: [("A", 8, 1000)], receiver: "李示例"),
        ])
        return (shop, try shop.tradeID("T1"), try shop.tradeID("T2"))
    }

    @Test("an approval records its states; a refused approval records nothing", arguments: Engine.all)
    func approval(engine: Engine) throws {
        let (shop, t1, t2) = try shopWithOrders(engine)

        try shop.review.approve(tradeID: t1, companyID: shop.companyID, audit: Self.audit(shop))
        #expect(throws: OrderActionError.self) {
            try shop.review.approve(tradeID: t2, companyID: shop.companyID, audit: Self.audit(shop))
        }

        let entry = try #require(try entries(shop, .order(t1)).first)
        #expect(entry.action == "order.approve")
        #expect(entry.beforeJSON == #"{"state":"pendingReview"}"#)
        #expect(entry.afterJSON == #"{"state":"approved"}"#)
        #expect(entry.at == 1_800_000_000)
        #expect(entry.requestID == "req-1")
        #expect(try entries(shop, .order(t2)).isEmpty)
    }

    @Test("a hold records its note, a release and a cancel their states", arguments: Engine.all)
    func holdReleaseCancel(engine: Engine) throws {
        let (shop, t1, _) = try shopWithOrders(engine)

        try shop.review.hold(tradeID: t1, note: "买家要改地址", companyID: shop.companyID, audit: Self.audit(shop))
        try shop.review.release(tradeID: t1, companyID: shop.companyID, audit: Self.audit(shop))
        try shop.review.cancel(tradeID: t1, companyID: shop.companyID, audit: Self.audit(shop))

        let recorded = try entries(shop, .order(t1)).reversed().map { [$0.action, $0.beforeJSON, $0.afterJSON] }
        #expect(
            recorded == [
                ["order.hold", #"{"state":"pendingReview"}"#, #"{"note":"买家要改地址","state":"onHold"}"#],
                ["order.release", #"{"state":"onHold"}"#, #"{"state":"pendingReview"}"#],
                ["order.cancel", #"{"state":"pendingReview"}"#, #"{"state":"cancelled"}"#],
            ]
        )
    }

    @Test("an entry that cannot be written undoes the approval and its reservation", arguments: Engine.all)
    func failedEntryUndoesApproval(engine: Engine) throws {
        let (shop, t1, _) = try shopWithOrders(engine)

        #expect(throws: DatabaseError.self) {
            try shop.review.approve(tradeID: t1, companyID: shop.companyID, audit: Self.brokenAudit(shop))
        }

        #expect(try shop.trade(t1).state == .pendingReview)
        #expect(try shop.level("A") == StockLevel(onHand: 5, reserved: 0, frozen: 0))
        #expect(try entries(shop, .order(t1)).isEmpty)
    }

    @Test("allocate, waybill and ship each record their batch's counts", arguments: Engine.all)
    func batchSteps(engine: Engine) throws {
        let (shop, t1, _) = try shopWithOrders(engine)
        try shop.review.approve(tradeID: t1, companyID: shop.companyID)
        let audit = Self.audit(shop)

        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID, audit: audit)
        _ = try WaybillService(database: shop.database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: shop.companyID, audit: audit)
        _ = try ShippingService(database: shop.database).shipWaybilled(companyID: shop.companyID, audit: audit)
        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID, audit: audit)

        // 2 units at 10.00 each: revenue 20.00 / 1.13 = 17.70 without VAT, cost 2 × 10.00.
        let recorded = try entries(shop, .batch(companyID: shop.companyID)).reversed()
            .map { [$0.action, $0.afterJSON] }
        #expect(
            recorded == [
                ["fulfilment.allocate", #"{"merged":0,"shipments":1,"trades":1}"#],
                ["fulfilment.waybill", #"{"shipments":1}"#],
                [
                    "fulfilment.ship",
                    #"{"costFen":2000,"revenueFen":1770,"shipments":1,"trades":1,"units":2,"unpacked":0}"#,
                ],
            ]
        )
    }

    @Test("an entry that cannot be written undoes the batch step", arguments: Engine.all)
    func failedEntryUndoesBatch(engine: Engine) throws {
        let (shop, t1, _) = try shopWithOrders(engine)
        try shop.review.approve(tradeID: t1, companyID: shop.companyID)

        #expect(throws: DatabaseError.self) {
            try AllocationService(database: shop.database)
                .allocateApproved(companyID: shop.companyID, audit: Self.brokenAudit(shop))
        }

        #expect(try shop.trade(t1).state == .approved)
        #expect(try shop.trade(t1).shipmentID == nil)
        #expect(try entries(shop, .batch(companyID: shop.companyID)).isEmpty)
    }

    @Test(
        "an entry that cannot be written undoes shipping: stock stays reserved, nothing is booked",
        arguments: Engine.all
    )
    func failedEntryUndoesShipping(engine: Engine) throws {
        let (shop, t1, _) = try shopWithOrders(engine)
        try shop.review.approve(tradeID: t1, companyID: shop.companyID)
        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)
        _ = try WaybillService(database: shop.database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: shop.companyID)

        #expect(throws: DatabaseError.self) {
            try ShippingService(database: shop.database)
                .shipWaybilled(companyID: shop.companyID, audit: Self.brokenAudit(shop))
        }

        #expect(try shop.trade(t1).state == .waybilled)
        #expect(try shop.level("A") == StockLevel(onHand: 5, reserved: 2, frozen: 0))
        #expect(try IntegrityCheck(database: shop.database).run(companyID: shop.companyID).isClean)
        #expect(try entries(shop, .batch(companyID: shop.companyID)).isEmpty)
    }
}
