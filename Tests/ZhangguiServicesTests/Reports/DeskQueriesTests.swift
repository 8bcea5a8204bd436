import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

/// The order desk's reads, on every engine: they live in the store (`DeskQueries`) and are checked here on trades
/// that went through review, as the web pages see them.
@Suite("The order desk finds orders by their filters, a page at a time")
struct DeskQueriesTests {
    /// One unit of A in stock. X1 (A at 10.00) is approved and takes it; X2 (A at 20.00) is held for 缺货; X3 (B at
    /// 12.00, phone ending 1234, a buyer note) is held too.
    static func shop(_ engine: Engine) throws -> TestShop {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B")
        try shop.stock("A", 1, at: 500)
        try shop.stock("B", 5, at: 500)
        try shop.ingest([
            makeTrade("X1", lines: [("A", 1, 1000)]),
            makeTrade("X2", lines: [("A", 1, 2000)]),
            makeTrade("X3", lines: [("B", 1, 1200)], phone: "13900001234", buyerNote: "请用顺丰"),
        ])
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        return shop
    }

    func orders(_ shop: TestShop, _ change: (inout DeskQueries.OrderFilter) -> Void) throws -> [String] {
        var filter = DeskQueries.OrderFilter()
        change(&filter)
        return try shop.database.read {
            try DeskQueries($0).orders(companyID: shop.companyID, filter: filter).map(\.platformOrderID)
        }
    }

    @Test("an order short on two lines is held twice for 缺货 and lists the reason once", arguments: Engine.all)
    func holdReasonsOnce(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B")
        try shop.ingest([makeTrade("X9", lines: [("A", 2, 1000), ("B", 3, 1000)], buyerNote: "请用顺丰")])
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        let (holds, row) = try shop.database.read { connection in
            (
                try connection.query("SELECT reason FROM trade_holds ORDER BY id").map { $0.string(0) },
                try DeskQueries(connection).orders(companyID: shop.companyID, filter: DeskQueries.OrderFilter()).first
            )
        }

        #expect(holds.filter { $0 == "stock_shortage" }.count == 2)
        #expect(Set(row?.holdReasons ?? []) == ["stock_shortage", "buyer_note"])
        #expect(row?.holdReasons.count == 2)
    }

    @Test("each filter narrows the list to the orders it names", arguments: Engine.all)
    func filters(engine: Engine) throws {
        let shop = try Self.shop(engine)

        #expect(try orders(shop) { _ in } == ["X3", "X2", "X1"])
        #expect(try orders(shop) { $0.state = "approved" } == ["X1"])
        #expect(try orders(shop) { $0.holdReason = "stock_shortage" } == ["X2"])
        #expect(try orders(shop) { $0.holdReason = "buyer_note" } == ["X3"])
        #expect(try orders(shop) { $0.phoneTail = "1234" } == ["X3"])
        #expect(try orders(shop) { $0.phoneTail = "%" } == [])
        #expect(try orders(shop) { $0.sku = "A" } == ["X2", "X1"])
        #expect(try orders(shop) { $0.shopCode = "SHOP" }.count == 3)
        #expect(try orders(shop) { $0.shopCode = "OTHER" } == [])
        #expect(try orders(shop) { $0.shopIDs = [] } == [])
        #expect(
            try orders(shop) {
                $0.fromDay = "2023-11-15"
                $0.toDay = "2023-11-15"
            }.count == 3
        )
        #expect(try orders(shop) { $0.fromDay = "2023-11-16" } == [])
        #expect(try orders(shop) { $0.waybill = "ZG1" } == [])
        #expect(try orders(shop) { $0.isHighPriorityOnly = true } == [])
    }

    @Test("paging by amount walks every order once, in order, one row per page", arguments: Engine.all)
    func paging(engine: Engine) throws {
        let shop = try Self.shop(engine)
        var seen: [String] = []
        var cursor: DeskQueries.Cursor?
        for _ in 0..<4 {
            let page = try shop.database.read { connection in
                var filter = DeskQueries.OrderFilter()
                filter.sort = .paidHighest
                filter.limit = 1
                filter.cursor = cursor
                return try DeskQueries(connection).orders(companyID: shop.companyID, filter: filter)
            }
            guard let row = page.first else { break }
            #expect(page.count == 1)
            seen.append(row.platformOrderID)
            cursor = row.cursor(for: .paidHighest)
        }
        #expect(seen == ["X2", "X3", "X1"])
    }

    @Test("the dashboard counts states and hold reasons, and lists stock with nothing available", arguments: Engine.all)
    func dashboard(engine: Engine) throws {
        let shop = try Self.shop(engine)
        let (states, holds, empty) = try shop.database.read { connection in
            let queries = DeskQueries(connection)
            return (
                try queries.tradesByState(companyID: shop.companyID, shopIDs: nil),
                try queries.holdsByReason(companyID: shop.companyID, shopIDs: nil),
                try queries.stockAtOrBelowZero(companyID: shop.companyID, warehouseIDs: nil, limit: 10)
            )
        }

        #expect(states == ["approved": 1, "onHold": 2])
        #expect(holds["stock_shortage"] == 1 && holds["buyer_note"] == 1)
        #expect(empty.map(\.sku) == ["A"])
        #expect(empty.first?.available == 0 && empty.first?.reserved == 1)
    }

    @Test("a phone tail matches on its last digits and on the whole tail, from 3 to 11 digits", arguments: Engine.all)
    func phoneTails(engine: Engine) throws {
        let shop = try Self.shop(engine)

        // X3's phone is 13900001234; X1 and X2 have 13800138000.
        #expect(try orders(shop) { $0.phoneTail = "234" } == ["X3"])
        #expect(try orders(shop) { $0.phoneTail = "13900001234" } == ["X3"])
        #expect(try orders(shop) { $0.phoneTail = "9234" } == [])
        #expect(try orders(shop) { $0.phoneTail = "000" } == ["X2", "X1"])
        #expect(try orders(shop) { $0.phoneTail = "38000" } == ["X2", "X1"])
    }

    @Test("on SQLite the phone tail and the amount order are read through their indexes", arguments: [Engine.sqlite])
    func indexes(engine: Engine) throws {
        let shop = try Self.shop(engine)
        let plans = try shop.database.read { connection in
            try [
                "SELECT t.id FROM trades t WHERE t.company_id = ? AND substr(t.receiver_phone, -3) = ? "
                    + "ORDER BY t.id DESC LIMIT 50",
                "SELECT t.id FROM trades t WHERE t.company_id = ? AND (t.paid_fen, t.id) < (?, ?) "
                    + "ORDER BY t.paid_fen DESC, t.id DESC LIMIT 50",
                "SELECT t.id FROM trades t WHERE t.company_id = ? AND t.is_high_priority = 1 "
                    + "ORDER BY t.id DESC LIMIT 50",
            ].map { sql in
                let marks = sql.filter { $0 == "?" }.count
                let arguments: [any SQLBindable] =
                    sql.contains("substr") ? [shop.companyID, "234"] : Array([shop.companyID, 2000, 9].prefix(marks))
                return try connection.query("EXPLAIN QUERY PLAN " + sql, arguments).map { $0.string(3) }
                    .joined(separator: "; ")
            }
        }

        #expect(plans[0].contains("trades_by_phone_tail") && !plans[0].contains("TEMP B-TREE"))
        #expect(plans[1].contains("trades_by_company_paid") && !plans[1].contains("TEMP B-TREE"))
        #expect(plans[2].contains("trades_high_priority") && !plans[2].contains("TEMP B-TREE"))
    }

    @Test("a waybill number finds the orders of its parcel, with the other filters too", arguments: Engine.all)
    func waybill(engine: Engine) throws {
        let shop = try Self.shop(engine)
        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)
        _ = try WaybillService(database: shop.database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: shop.companyID)
        let number = try shop.database.read {
            try $0.queryOne("SELECT waybill_no FROM shipments WHERE company_id = ?", shop.companyID)?.string(0)
        }
        let waybill = try #require(number)

        #expect(try orders(shop) { $0.waybill = waybill } == ["X1"])
        #expect(
            try orders(shop) {
                $0.waybill = waybill
                $0.state = "waybilled"
                $0.sort = .paidHighest
            } == ["X1"]
        )
        #expect(
            try orders(shop) {
                $0.waybill = waybill
                $0.state = "onHold"
            } == []
        )
    }
}
