import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("From approved order to shipped parcel, booked exactly")
struct MainJobTests {
    @Test(
        "receive 10 @ 10.00 and 10 @ 20.00, ship 5: cost 75.00, 15 left worth 225.00, books balance",
        arguments: Engine.all
    )
    func movingAverageThroughShipping(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("W1", priority: 1)
        try shop.addWarehouse("W2", priority: 2)
        try shop.addSKUs("A")
        try shop.stock("A", 10, at: 1000, in: "W1")
        try shop.stock("A", 10, at: 2000, in: "W2")
        // 5 × 22.60 = 113.00 paid: net of VAT 100.00, VAT 13.00.
        try shop.ingest([makeTrade("T1", lines: [("A", 5, 2260)])])

        let (reviewed, allocated, waybills, shipped) = try shop.runMainJob()

        #expect(reviewed.approved == 1)
        #expect(allocated.trades == 1)
        #expect(waybills == 1)
        #expect(shipped.costFen == 7500)
        #expect(shipped.revenueFen == 10_000)
        #expect(try shop.level("A", in: "W1") == StockLevel(onHand: 5))
        #expect(try shop.level("A", in: "W2") == StockLevel(onHand: 10))
        let (books, cost) = try shop.database.read { connection in
            (
                try VoucherRecords(connection).balances(companyID: shop.companyID),
                try StockBook(connection, currency: .cny).cost(skuID: 1)
            )
        }
        #expect(cost.quantity == 15)
        #expect(cost.value == Money(fen: 22_500))
        #expect(books["1122"] == 11_300)
        #expect(books["5001"] == -10_000)
        #expect(books["22210106"] == -1300)
        #expect(books["5401"] == 7500)
        // Opening stock 300.00 less 75.00 shipped.
        #expect(books["1405"] == 22_500)
        let check = try IntegrityCheck(database: shop.database).run(companyID: shop.companyID)
        #expect(check.differences == [])
        #expect(check.trialBalanceFen == 0)
    }

    @Test("the waybill numbers come from the range, one per parcel, never twice", arguments: Engine.all)
    func waybillNumbersFromRange(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 10)
        try shop.ingest([
            makeTrade("T1", lines: [("A", 1, 5000)], receiver: "甲示例"),
            makeTrade("T2", lines: [("A", 1, 5000)], receiver: "乙示例"),
        ])

        _ = try shop.runMainJob()

        let numbers = try shop.database.read { connection in
            try connection.query("SELECT waybill_no FROM shipments ORDER BY id").map { $0.string(0) }
        }
        #expect(numbers == ["ZG000000000001", "ZG000000000002"])
        #expect(
            throws: SetupError(
                code: .badWaybillRange,
                detail: "ZG ZG1…100: ZG000000000002 was issued already; start above it"
            )
        ) {
            try shop.setup.setWaybillRange(
                courierCode: "ZG",
                prefix: "ZG",
                first: 1,
                last: 100,
                companyID: shop.companyID
            )
        }
        try shop.setup.setWaybillRange(courierCode: "ZG", prefix: "ZG", first: 3, last: 100, companyID: shop.companyID)
    }

    @Test(
        "two orders to the same receiver ship in one parcel; a different receiver gets their own",
        arguments: Engine.all
    )
    func mergesOnlyIdenticalReceivers(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B")
        try shop.stock("A", 10)
        try shop.stock("B", 10)
        try shop.ingest([
            makeTrade("T1", lines: [("A", 1, 5000)]),
            makeTrade("T2", lines: [("B", 2, 5000)]),
            makeTrade("T3", lines: [("A", 1, 5000)], receiver: "张示例", phone: "13900139000"),
        ])

        let (_, allocated, waybills, shipped) = try shop.runMainJob()

        #expect(allocated.trades == 3)
        #expect(allocated.merged == 1)
        #expect(waybills == 2)
        #expect(shipped.shipments == 2)
        #expect(shipped.trades == 3)
    }

    @Test(
        "an order no single warehouse can fill is split; lines of 83 units keep their money to the fen",
        arguments: Engine.all
    )
    func splitsAcrossWarehouses(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("W1", priority: 1)
        try shop.addWarehouse("W2", priority: 2)
        try shop.addSKUs("A", "B")
        try shop.stock("A", 50, in: "W1")
        try shop.stock("A", 50, in: "W2")
        try shop.stock("B", 100, in: "W2")
        // A: 83 × 15.01 = 1,245.83; B: 83 × 15.00 = 1,245.00; a 10.00 order discount on top.
        try shop.ingest([makeTrade("T1", lines: [("A", 83, 1501), ("B", 83, 1500)], discount: 1000)])

        let summary = try shop.review.reviewPending(companyID: shop.companyID)

        #expect(summary.approved == 1)
        #expect(summary.splitParts == 1)
        let ids = try shop.database.read { connection in
            try TradeRecords(connection, currency: .cny).ids(platformOrderID: "T1", companyID: shop.companyID)
        }
        try #require(ids.count == 2)
        let parent = try shop.trade(ids[0])
        let child = try shop.trade(ids[1])
        // Discount 1,000 fen over 124,583 and 124,500: exact shares 500.17 and 499.83, floors 500 and 499, the
        // spare fen to B's larger remainder → 500 and 500. A nets 124,083, B nets 124,000.
        // W1 ships 50 A, W2 ships 33 A and 83 B. A's 124,083 over 50 and 33 units: 74,748.80 and 49,334.20,
        // floors 74,748 and 49,334, the spare fen to the first → 74,749 and 49,334.
        #expect(parent.lines.map(\.quantity) == [50])
        #expect(parent.lines.map(\.net.fen) == [74_749])
        #expect(child.lines.map(\.quantity) == [33, 83])
        #expect(child.lines.map(\.net.fen) == [49_334, 124_000])
        #expect(parent.paid.fen == 74_749)
        #expect(child.paid.fen == 173_334)
        #expect(try shop.level("A", in: "W1") == StockLevel(onHand: 50, reserved: 50))
        #expect(try shop.level("A", in: "W2") == StockLevel(onHand: 50, reserved: 33))
        #expect(try shop.level("B", in: "W2") == StockLevel(onHand: 100, reserved: 83))
    }
}

@Suite("Choosing the warehouse by priority and region")
struct WarehouseChoiceTests {
    @Test(
        "a Beijing order ships from the Beijing forward warehouse; a Shanghai order skips it for the next one",
        arguments: Engine.all
    )
    func regionDecidesTheWarehouse(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("BJ", priority: 1, regions: ["11"])
        try shop.addWarehouse("SH", priority: 2)
        try shop.addSKUs("A")
        try shop.stock("A", 10, in: "BJ")
        try shop.stock("A", 10, in: "SH")
        var beijing = makeTrade("BEIJING", lines: [("A", 1, 1000)], receiver: "北京示例")
        beijing.receiver.province = "北京"
        try shop.ingest([beijing, makeTrade("SHANGHAI", lines: [("A", 1, 1000)], receiver: "上海示例")])
        // 北京 receivers resolve to 朝阳区 110105, everyone else to 上海 黄浦区 310101.
        let checker: AddressChecker = { province, _, _ in
            .valid(divisionCode: province == "北京" ? "110105" : "310101")
        }
        let review = ReviewService(database: shop.database, checkAddress: checker)

        let summary = try review.reviewPending(companyID: shop.companyID)

        #expect(summary.approved == 2)
        #expect(try shop.level("A", in: "BJ") == StockLevel(onHand: 10, reserved: 1))
        #expect(try shop.level("A", in: "SH") == StockLevel(onHand: 10, reserved: 1))
    }
}
