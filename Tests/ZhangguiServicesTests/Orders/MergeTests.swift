import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

extension TestShop {
    var parcels: ParcelService { ParcelService(database: database) }

    /// A shop with warehouse MAIN, 100 each of A and B at 3.00, and `trades` approved.
    static func approved(_ engine: Engine, _ trades: [Trade]) throws -> TestShop {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B")
        try shop.stock("A", 100, at: 300)
        try shop.stock("B", 100, at: 300)
        try shop.ingest(trades)
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        return shop
    }

    func auditActions(_ tradeID: Int64) throws -> [String] {
        try database.read { connection in
            try AuditRecords(connection).entries(
                objectType: "order",
                objectID: String(tradeID),
                companyID: companyID,
                limit: 10
            ).map(\.entry.action)
        }
    }
}

@Suite("Merging orders into one parcel by hand, and unmerging them")
struct MergeTests {
    @Test("two approved orders to one receiver merge into one parcel with one waybill", arguments: Engine.all)
    func mergeApproved(engine: Engine) throws {
        let shop = try TestShop.approved(
            engine,
            [makeTrade("M1", lines: [("A", 1, 1000)]), makeTrade("M2", lines: [("B", 2, 1000)])]
        )
        let ids = [try shop.tradeID("M1"), try shop.tradeID("M2")]

        let placed = try shop.parcels.merge(tradeIDs: ids, by: shop.clerk, at: 1_800_000_000)
        try shop.expectCleanBooks("after the merge")
        let (_, allocated, waybills, shipped) = try shop.runMainJob()

        #expect(Set(placed.map(\.shipmentID)).count == 1)
        #expect(try ids.map { try shop.trade($0).shipmentID } == placed.map(\.shipmentID))
        #expect(allocated.trades == 0)
        #expect(waybills == 1)
        #expect(shipped.trades == 2)
        #expect(try shop.auditActions(ids[1]) == ["order.merge"])
        try shop.expectCleanBooks("after shipping")
    }

    @Test("unmerge gives each order its own parcel and leaves the orders exactly as they were", arguments: Engine.all)
    func unmergeRestores(engine: Engine) throws {
        let shop = try TestShop.approved(engine, [issueOrder("U1"), makeTrade("U2", lines: [("B", 2, 1000)])])
        let ids = [try shop.tradeID("U1"), try shop.tradeID("U2")]
        let before = try ids.map { try shop.trade($0) }
        let reservedBefore = try ids.map { try shop.reservations($0) }
        _ = try shop.parcels.merge(tradeIDs: ids, by: shop.clerk, at: 1_800_000_000)

        let placed = try shop.parcels.unmerge(tradeID: ids[1], by: shop.clerk, at: 1_800_000_001)
        try shop.expectCleanBooks("after the unmerge")

        let after = try ids.map { try shop.trade($0) }
        #expect(placed.map(\.tradeID) == ids)
        #expect(Set(placed.map(\.shipmentID)).count == 2)
        #expect(after.map(\.lines) == before.map(\.lines))
        #expect(after.map(\.paid) == before.map(\.paid))
        #expect(after.map(\.state) == [.allocated, .allocated])
        #expect(try ids.map { try shop.reservations($0) } == reservedBefore)
        #expect(try shop.auditActions(ids[0]) == ["order.unmerge", "order.merge"])
        let (_, allocated, waybills, _) = try shop.runMainJob()
        #expect(allocated.trades == 0)
        #expect(waybills == 2)
        try shop.expectCleanBooks("after shipping")
    }

    @Test("a split order's two parts can be put back in one parcel by hand", arguments: Engine.all)
    func mergeSplitParts(engine: Engine) throws {
        let shop = try TestShop.approved(engine, [issueOrder()])
        let order = try shop.tradeID("T83")
        let split = try shop.split(order, [LineMove(lineNo: 2)])
        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)

        _ = try shop.parcels.merge(tradeIDs: [split.partID, order], by: shop.clerk, at: 1_800_000_000)
        let (_, _, waybills, shipped) = try shop.runMainJob()

        #expect(waybills == 1)
        #expect(shipped.trades == 2)
        try shop.expectCleanBooks()
    }

    @Test("orders to one receiver shipping from two warehouses are refused naming the second", arguments: Engine.all)
    func differentWarehouses(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("W1", priority: 1)
        try shop.addWarehouse("W2", priority: 2)
        try shop.addSKUs("A")
        try shop.stock("A", 1, in: "W1")
        try shop.stock("A", 5, in: "W2")
        // The first order takes W1's only unit; the second is served by W2.
        try shop.ingest([makeTrade("H1", lines: [("A", 1, 1000)]), makeTrade("H2", lines: [("A", 1, 1000)])])
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        let ids = [try shop.tradeID("H1"), try shop.tradeID("H2")]

        let error = try #require(throws: OrderChangeError.self) {
            try shop.parcels.merge(tradeIDs: ids, by: shop.clerk, at: 1_800_000_000)
        }

        #expect(error.code == .mismatch)
        #expect(error.field == "orders[1]")
        #expect(try ids.map { try shop.trade($0).shipmentID } == [nil, nil])
        try shop.expectCleanBooks()
    }

    @Test(
        "a different phone, address or name is refused naming the field, and nothing changes",
        arguments: Engine.all.flatMap { engine in
            [("phone", "receiver.phone"), ("address", "receiver.address"), ("name", "receiver.name")].map {
                (engine, $0.0, $0.1)
            }
        }
    )
    func differentReceivers(engine: Engine, differing: String, field: String) throws {
        let other =
            switch differing {
            case "phone": makeTrade("R2", lines: [("A", 1, 1000)], phone: "13900139000")
            case "address": makeTrade("R2", lines: [("A", 1, 1000)], address: "示例路2号")
            default: makeTrade("R2", lines: [("A", 1, 1000)], receiver: "李示例")
            }
        let shop = try TestShop.approved(engine, [makeTrade("R1", lines: [("A", 1, 1000)]), other])
        let ids = [try shop.tradeID("R1"), try shop.tradeID("R2")]

        let error = try #require(throws: OrderChangeError.self) {
            try shop.parcels.merge(tradeIDs: ids, by: shop.clerk, at: 1_800_000_000)
        }

        #expect(error.code == .mismatch)
        #expect(error.field == field)
        #expect(try ids.map { try shop.trade($0).state } == [.approved, .approved])
        #expect(try shop.auditActions(ids[1]) == [])
    }

    @Test(
        "one order, an order twice, an order waiting for review, a shipped order or another company's orders: refused",
        arguments: Engine.all
    )
    func refusals(engine: Engine) throws {
        let shop = try TestShop.approved(
            engine,
            [makeTrade("X1", lines: [("A", 1, 1000)]), makeTrade("X2", lines: [("A", 1, 1000)])]
        )
        try shop.ingest([makeTrade("X3", lines: [("A", 1, 1000)])])
        let ids = try ["X1", "X2", "X3"].map { try shop.tradeID($0) }
        let merge = { (trades: [Int64]) in
            try shop.parcels.merge(tradeIDs: trades, by: shop.clerk, at: 1_800_000_000)
        }
        let cases: [([Int64], OrderChangeError.Code, String?)] = [
            ([ids[0]], .invalidRequest, "orders"),
            ([ids[0], ids[0]], .invalidRequest, "orders[1]"),
            ([ids[0], ids[2]], .wrongState, "orders[1]"),
            ([ids[0], 999_999], .notFound, "orders[1]"),
        ]

        for (trades, code, field) in cases {
            let error = try #require(throws: OrderChangeError.self) { try merge(trades) }
            #expect(error.code == code, "\(trades)")
            #expect(error.field == field, "\(trades)")
        }
        _ = try shop.runMainJob()
        let waybilled = try #require(throws: OrderChangeError.self) {
            try shop.parcels.unmerge(tradeID: ids[0], by: shop.clerk, at: 1_800_000_000)
        }
        #expect(waybilled.code == .wrongState)
        let otherCompany = AuditActor(companyID: try shop.setup.createCompany(name: "别家店"), userID: nil)
        let foreign = try #require(throws: OrderChangeError.self) {
            try shop.parcels.merge(tradeIDs: [ids[0], ids[1]], by: otherCompany, at: 1_800_000_000)
        }
        #expect(foreign.code == .notFound)
        #expect(foreign.field == "orders[0]")
        #expect(try ids.flatMap { try shop.auditActions($0) } == [])
        try shop.expectCleanBooks()
    }
}
