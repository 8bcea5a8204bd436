import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("What a clerk sees of orders: the list and one order's facts")
struct OrderQueriesTests {
    @Test("the same order number in two shops lists as two rows, each with its shop", arguments: Engine.all)
    func listNamesTheShop(engine: Engine) throws {
        let shop = try TestShop(engine)
        var other = makeTrade("T1", lines: [("A", 1, 500)], receiver: "李示例")
        other.shopCode = "OTHER"
        try shop.ingest([makeTrade("T1", lines: [("A", 2, 1000)]), other])

        let rows = try list(shop, state: nil, limit: 10)

        #expect(rows.map(\.shopCode) == ["SHOP", "OTHER"])
        #expect(rows.map(\.platformOrderID) == ["T1", "T1"])
        // 2 × 10.00 and 1 × 5.00, no freight.
        #expect(rows.map(\.paidFen) == [2000, 500])
        #expect(rows.map(\.state) == [.pendingReview, .pendingReview])
    }

    @Test(
        "the list keeps to the limit and to the state asked for, and shows why an order is held",
        arguments: Engine.all
    )
    func limitAndState(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.ingest((1...3).map { makeTrade("T\($0)", lines: [("A", 1, 1000)], receiver: "客\($0)") })
        try shop.review.hold(tradeID: try shop.tradeID("T2"), note: "等客户确认", companyID: shop.companyID)

        #expect(try list(shop, state: nil, limit: 2).map(\.platformOrderID) == ["T1", "T2"])
        let held = try list(shop, state: .onHold, limit: 10)
        #expect(held.map(\.platformOrderID) == ["T2"])
        #expect(held.map(\.holds) == ["manual(manual): 等客户确认"])
        #expect(try list(shop, state: .approved, limit: 10).isEmpty)
    }

    @Test("a shipped order shows its shop, times, courier, waybill and when it left", arguments: Engine.all)
    func factsOfAShippedOrder(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 10)
        try shop.ingest([makeTrade("T1", lines: [("A", 2, 1000)])])
        let id = try shop.tradeID("T1")

        let before = try #require(try facts(shop, id))
        #expect(before.shopCode == "SHOP")
        #expect(before.orderedAt == 1_700_000_000)
        #expect(before.paidAt == 1_700_000_060)
        #expect(before.waybill == nil)
        #expect(before.shippedAt == nil)
        // 20.00 is below the 1,000.00 threshold.
        #expect(!before.isHighPriority)

        _ = try shop.runMainJob()

        let after = try #require(try facts(shop, id))
        #expect(after.courierCode == "ZG")
        #expect(after.waybill == "ZG000000000001")
        #expect(after.shippedAt != nil)
        #expect(try facts(shop, id + 1000) == nil)
    }

    @Test(
        "a split order has two parts whichever is asked about; another shop's order of that number is apart",
        arguments: Engine.all
    )
    func partsOfASplitOrder(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("W1", priority: 1)
        try shop.addWarehouse("W2", priority: 2)
        try shop.addSKUs("A")
        try shop.stock("A", 1, in: "W1")
        try shop.stock("A", 1, in: "W2")
        var other = makeTrade("T1", lines: [("Z", 1, 1000)], receiver: "李示例")
        other.shopCode = "OTHER"
        try shop.ingest([makeTrade("T1", lines: [("A", 2, 1000)]), other])
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        let ids = try shop.database.read { connection in
            try TradeRecords(connection, currency: .cny).find(platformOrderID: "T1", companyID: shop.companyID)
                .filter { $0.shopCode == "SHOP" }.map(\.id)
        }
        try #require(ids.count == 2)

        let parts = try shop.database.read {
            try OrderQueries($0).parts(ofTradeID: ids[1], companyID: shop.companyID)
        }

        #expect(parts.map(\.tradeID) == ids)
        #expect(parts.map(\.splitSeq) == [0, 1])
        #expect(parts.map(\.state) == [.approved, .approved])
    }

    private func list(_ shop: TestShop, state: TradeState?, limit: Int) throws -> [OrderQueries.ListRow] {
        try shop.database.read { try OrderQueries($0).list(companyID: shop.companyID, state: state, limit: limit) }
    }

    private func facts(_ shop: TestShop, _ id: Int64) throws -> OrderQueries.TradeFacts? {
        try shop.database.read { try OrderQueries($0).facts(tradeID: id, companyID: shop.companyID) }
    }
}
