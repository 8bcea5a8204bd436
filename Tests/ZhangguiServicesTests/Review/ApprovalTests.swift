import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Approving reserves stock, and never more than there is")
struct ApprovalTests {
    @Test(
        "two clerks approving 5 units each against 5 on hand: exactly one succeeds and available ends at 0",
        arguments: Engine.all
    )
    func concurrentApprovalsOfTheLastUnits(engine: Engine) async throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 5)
        try shop.ingest([makeTrade("T1", lines: [("A", 5, 1000)]), makeTrade("T2", lines: [("A", 5, 1000)])])
        let ids = [try shop.tradeID("T1"), try shop.tradeID("T2")]

        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for id in ids {
                group.addTask { (try? shop.review.approve(tradeID: id, companyID: shop.companyID)) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }

        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try shop.level("A") == StockLevel(onHand: 5, reserved: 5, frozen: 0))
        #expect(try shop.level("A").available == 0)
    }

    @Test("20 concurrent single-unit approvals against 10 on hand: exactly 10 succeed", arguments: Engine.all)
    func twentyAgainstTen(engine: Engine) async throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 10)
        try shop.ingest((1...20).map { makeTrade("T\($0)", lines: [("A", 1, 1000)], receiver: "客\($0)") })
        let ids = try (1...20).map { try shop.tradeID("T\($0)") }

        let successes = await withTaskGroup(of: Bool.self) { group in
            for id in ids {
                group.addTask { (try? shop.review.approve(tradeID: id, companyID: shop.companyID)) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }

        #expect(successes == 10)
        #expect(try shop.level("A") == StockLevel(onHand: 10, reserved: 10, frozen: 0))
        #expect(try IntegrityCheck(database: shop.database).run(companyID: shop.companyID).isClean)
    }

    @Test("approving an order of 8 with 5 on hand is refused and stock stays 5", arguments: Engine.all)
    func approvalBeyondStockIsRefused(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 5)
        try shop.ingest([makeTrade("T1", lines: [("A", 8, 1000)])])
        let id = try shop.tradeID("T1")

        #expect(throws: OrderActionError.self) { try shop.review.approve(tradeID: id, companyID: shop.companyID) }

        #expect(try shop.level("A") == StockLevel(onHand: 5, reserved: 0, frozen: 0))
        #expect(try shop.trade(id).state == .pendingReview)
    }

    @Test("holding an approved trade gives its stock back", arguments: Engine.all)
    func holdReleasesReservation(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 5)
        try shop.ingest([makeTrade("T1", lines: [("A", 3, 1000)])])
        let id = try shop.tradeID("T1")
        try shop.review.approve(tradeID: id, companyID: shop.companyID)
        #expect(try shop.level("A").available == 2)

        try shop.review.hold(tradeID: id, note: "买家要改地址", companyID: shop.companyID)

        #expect(try shop.level("A") == StockLevel(onHand: 5, reserved: 0, frozen: 0))
        #expect(try shop.review.holds(tradeID: id, companyID: shop.companyID).map(\.reason) == [.manual])
    }
}

@Suite("Holding an allocated order takes it out of its parcel")
struct HoldAfterAllocationTests {
    @Test(
        "held after allocation and released, the order starts a fresh shipment instead of an empty old one",
        arguments: Engine.all
    )
    func emptyShipmentIsRemoved(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 5)
        try shop.ingest([makeTrade("T1", lines: [("A", 1, 1000)])])
        let id = try shop.tradeID("T1")
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)

        try shop.review.hold(tradeID: id, note: "改地址", companyID: shop.companyID)
        try shop.review.release(tradeID: id, companyID: shop.companyID)
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        let again = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)

        #expect(again.shipments == 1)
        #expect(again.merged == 0)
        let shipments = try shop.database.read { try $0.queryOne("SELECT COUNT(*) FROM shipments")?.int(0) }
        #expect(shipments == 1)
    }
}

@Suite("Cancelling an order before it ships")
struct CancelTests {
    @Test("a waybilled order cancelled gives its stock back and never ships", arguments: Engine.all)
    func cancelWaybilledOrder(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 5)
        try shop.ingest([makeTrade("T1", lines: [("A", 2, 1000)])])
        let id = try shop.tradeID("T1")
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)
        _ = try WaybillService(database: shop.database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: shop.companyID)

        try shop.review.cancel(tradeID: id, companyID: shop.companyID)

        #expect(try shop.trade(id).state == .cancelled)
        #expect(try shop.level("A") == StockLevel(onHand: 5))
        let shipped = try ShippingService(database: shop.database).shipWaybilled(companyID: shop.companyID)
        #expect(shipped.trades == 0)
        #expect(try IntegrityCheck(database: shop.database).run(companyID: shop.companyID).isClean)
    }
}

@Suite("Automatic review holds what a clerk must see")
struct AutomaticReviewTests {
    @Test(
        "held trades list each reason and the check that raised it; a release acknowledges the note",
        arguments: Engine.all
    )
    func holdsAndRelease(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 10)
        try shop.ingest([
            makeTrade("NOTE", lines: [("A", 1, 10_000)], buyerNote: "请发顺丰"),
            makeTrade("GHOST", lines: [("NOPE", 1, 10_000)], receiver: "李示例"),
            makeTrade("OK", lines: [("A", 2, 10_000)], receiver: "王示例"),
        ])

        let summary = try shop.review.reviewPending(companyID: shop.companyID)

        #expect(summary.reviewed == 3)
        #expect(summary.approved == 1)
        #expect(summary.heldByReason == [.buyerNote: 1, .unmappedSKU: 1])
        let note = try shop.tradeID("NOTE")
        #expect(
            try shop.review.holds(tradeID: note, companyID: shop.companyID)
                == [Hold(reason: .buyerNote, check: "notes", detail: "buyer left a note")]
        )
        try shop.review.release(tradeID: note, companyID: shop.companyID)
        let second = try shop.review.reviewPending(companyID: shop.companyID)
        #expect(second.approved == 1)
        #expect(try shop.level("A") == StockLevel(onHand: 10, reserved: 3, frozen: 0))
    }
}
