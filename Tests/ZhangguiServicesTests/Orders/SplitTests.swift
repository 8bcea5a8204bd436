import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

/// The issue's order: 83 × 12.34 of A with 1.00 off the line, 83 × 5.67 of B with 0.07 off, 10.00 off the order,
/// 8.00 freight. Stored nets: A 101,637 and B 46,739 fen (the 1,000 fen discount spread 685 / 315 over the line
/// amounts 102,322 and 47,054); paid 148,376 + 800 = 149,176.
func issueOrder(_ id: String = "T83") -> Trade {
    var trade = makeTrade(id, lines: [("A", 83, 1234), ("B", 83, 567)], discount: 1000, freight: 800)
    trade.lines[0].discount = Money(fen: 100)
    trade.lines[1].discount = Money(fen: 7)
    return trade
}

extension TestShop {
    /// The actor of the tests' changes.
    var clerk: AuditActor { AuditActor(companyID: companyID, userID: nil, requestID: "test") }

    func split(_ tradeID: Int64, _ moves: [LineMove]) throws -> SplitResult {
        try OrderSplitService(database: database).split(tradeID: tradeID, moving: moves, by: clerk, at: 1_800_000_000)
    }

    /// Proves the books after a change: `zhanggui check` finds nothing.
    func expectCleanBooks(_ comment: Comment? = nil) throws {
        let report = try IntegrityCheck(database: database).run(companyID: companyID)
        #expect(report.differences == [], comment)
    }

    func reservations(_ tradeID: Int64) throws -> [Int64] {
        try database.read { try FulfilmentRecords($0).reservations(tradeID: tradeID).map(\.quantity) }
    }
}

@Suite("Splitting an order by hand: by line and by quantity, money exact, stock following the units")
struct SplitTests {
    @Test(
        "only 10 of each in stock: 10 of each of the 83 and 83 split off and ship, 73 and 73 wait, money to the fen",
        arguments: Engine.all
    )
    func shipTenOfEach(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B")
        try shop.stock("A", 10, at: 300)
        try shop.stock("B", 10, at: 300)
        try shop.ingest([issueOrder()])
        let order = try shop.tradeID("T83")
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        #expect(try shop.trade(order).state == .onHold)

        let split = try shop.split(order, [LineMove(lineNo: 1, quantity: 10), LineMove(lineNo: 2, quantity: 10)])
        try shop.expectCleanBooks("after the split")
        let (reviewed, _, waybills, shipped) = try shop.runMainJob()

        // Per line (see OrderSplitTests): A keeps 73 at 89,392 net and 0.88 line discount, moves 10 at 12,245 and
        // 0.12; B keeps 73 at 41,108 and 0.06, moves 10 at 5,631 and 0.01. Order discount: 879 stays, 83 + 38 = 121
        // moves. Freight 800 over nets 130,500 and 17,876: 704 stays, 96 moves.
        let kept = try shop.trade(order)
        let part = try shop.trade(split.partID)
        #expect(split.partSplitSeq == 1)
        #expect(split.partState == .pendingReview)
        #expect(kept.lines.map(\.quantity) == [73, 73])
        #expect(kept.lines.map(\.net.fen) == [89_392, 41_108])
        #expect(kept.lines.map(\.discount.fen) == [88, 6])
        #expect(part.lines.map(\.lineNo) == [1, 2])
        #expect(part.lines.map(\.quantity) == [10, 10])
        #expect(part.lines.map(\.net.fen) == [12_245, 5_631])
        #expect(part.lines.map(\.discount.fen) == [12, 1])
        #expect(part.lines.map(\.unitPrice.fen) == [1234, 567])
        #expect([kept.discount.fen, part.discount.fen] == [879, 121])
        #expect([kept.freight.fen, part.freight.fen] == [704, 96])
        // Paid: 130,500 + 704 = 131,204 and 17,876 + 96 = 17,972; together the original 149,176.
        #expect([kept.paid.fen, part.paid.fen] == [131_204, 17_972])
        #expect(reviewed.approved == 1)
        #expect(waybills == 1)
        #expect(shipped.trades == 1)
        #expect(shipped.units == 20)
        #expect(part.state == .shipped)
        #expect(kept.state == .onHold)
        #expect(try shop.level("A") == StockLevel(onHand: 0, reserved: 0))
        try shop.expectCleanBooks("after shipping the part")
    }

    @Test("an approved order split by quantity and by line: its reservations follow the units", arguments: Engine.all)
    func reservationsFollow(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B")
        try shop.stock("A", 100, at: 300)
        try shop.stock("B", 100, at: 300)
        try shop.ingest([issueOrder()])
        let order = try shop.tradeID("T83")
        _ = try shop.review.reviewPending(companyID: shop.companyID)

        let split = try shop.split(order, [LineMove(lineNo: 2), LineMove(lineNo: 1, quantity: 10)])

        #expect(split.partState == .approved)
        #expect(try shop.trade(order).lines.map(\.quantity) == [73])
        #expect(try shop.trade(split.partID).lines.map(\.quantity) == [10, 83])
        #expect(try shop.reservations(order) == [73])
        #expect(try shop.reservations(split.partID).sorted() == [10, 83])
        #expect(try shop.level("A") == StockLevel(onHand: 100, reserved: 83))
        #expect(try shop.level("B") == StockLevel(onHand: 100, reserved: 83))
        // B moved whole: its money is as it was; the order keeps only A's share of the discount and freight.
        #expect(try shop.trade(split.partID).lines.map(\.net.fen) == [12_245, 46_739])
        try shop.expectCleanBooks()
    }

    @Test("an allocated order's part gets a parcel of its own: two waybills, both ship", arguments: Engine.all)
    func allocatedPartShipsApart(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B")
        try shop.stock("A", 100, at: 300)
        try shop.stock("B", 100, at: 300)
        try shop.ingest([issueOrder()])
        let order = try shop.tradeID("T83")
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)

        let split = try shop.split(order, [LineMove(lineNo: 1, quantity: 10), LineMove(lineNo: 2, quantity: 10)])
        try shop.expectCleanBooks("after the split")
        let (_, _, waybills, shipped) = try shop.runMainJob()

        #expect(split.partState == .allocated)
        #expect(waybills == 2)
        #expect(shipped.trades == 2)
        #expect(shipped.units == 166)
        #expect(try shop.trade(order).shipmentID != shop.trade(split.partID).shipmentID)
        try shop.expectCleanBooks("after shipping")
    }

    @Test("a split part approved later is not merged back into the order's parcel", arguments: Engine.all)
    func partsStayApart(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B")
        try shop.stock("A", 100, at: 300)
        try shop.stock("B", 100, at: 300)
        try shop.ingest([issueOrder()])
        let order = try shop.tradeID("T83")

        _ = try shop.split(order, [LineMove(lineNo: 2)])
        let (reviewed, allocated, waybills, _) = try shop.runMainJob()

        #expect(reviewed.approved == 2)
        #expect(allocated.shipments == 2)
        #expect(allocated.merged == 0)
        #expect(waybills == 2)
        try shop.expectCleanBooks()
    }
}

@Suite("A split refused changes nothing")
struct SplitRefusalTests {
    @Test(
        "an unknown line, 0 units, more than the line has, all of it, a waybilled order, another company's: refused",
        arguments: Engine.all
    )
    func refusals(engine: Engine) throws {
        let shop = try TestShop.approved(engine, [issueOrder(), makeTrade("W1", lines: [("A", 1, 1000)])])
        let order = try shop.tradeID("T83")
        let waybilled = try shop.tradeID("W1")
        try shop.review.hold(tradeID: order, note: "买家改数量", companyID: shop.companyID)
        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)
        _ = try WaybillService(database: shop.database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: shop.companyID)
        let before = try shop.trade(order)
        let cases: [(Int64, [LineMove], OrderChangeError.Code, String?)] = [
            (order, [LineMove(lineNo: 3)], .invalidRequest, "lines[0].lineNo"),
            (
                order, [LineMove(lineNo: 1, quantity: 5), LineMove(lineNo: 2, quantity: 0)], .invalidRequest,
                "lines[1].quantity"
            ),
            (order, [LineMove(lineNo: 2, quantity: 84)], .invalidRequest, "lines[0].quantity"),
            (order, [LineMove(lineNo: 1), LineMove(lineNo: 2)], .invalidRequest, "lines"),
            (order, [LineMove(lineNo: 1), LineMove(lineNo: 1)], .invalidRequest, "lines[1].lineNo"),
            (order, [], .invalidRequest, "lines"),
            (waybilled, [LineMove(lineNo: 1)], .wrongState, nil),
        ]

        for (id, moves, code, field) in cases {
            let error = try #require(throws: OrderChangeError.self) { try shop.split(id, moves) }
            #expect(error.code == code, "\(moves)")
            #expect(error.field == field, "\(moves)")
        }
        let otherCompany = AuditActor(companyID: try shop.setup.createCompany(name: "别家店"), userID: nil)
        let foreign = try #require(throws: OrderChangeError.self) {
            try OrderSplitService(database: shop.database).split(
                tradeID: order,
                moving: [LineMove(lineNo: 1, quantity: 1)],
                by: otherCompany,
                at: 1_800_000_000
            )
        }

        #expect(foreign.code == .notFound)
        #expect(try shop.trade(order) == before)
        #expect(try shop.auditActions(order) == [])
        #expect(
            try shop.database.read { try TradeRecords($0, currency: .cny).ids(platformOrderID: "T83", companyID: 1) }
                .count == 1
        )
        try shop.expectCleanBooks()
    }

    @Test(
        "the audit log names the split on the order and on the part, with the order's lines before",
        arguments: Engine.all
    )
    func audited(engine: Engine) throws {
        let shop = try TestShop.approved(engine, [issueOrder()])
        let order = try shop.tradeID("T83")

        let split = try shop.split(order, [LineMove(lineNo: 1, quantity: 10)])

        let entries = try shop.database.read { connection in
            try AuditRecords(connection).entries(objectType: "order", objectID: String(order), companyID: 1, limit: 5)
        }
        #expect(entries.map(\.entry.action) == ["order.split"])
        #expect(entries.first?.entry.requestID == "test")
        #expect(entries.first?.entry.beforeJSON?.contains(#""lineNo":1,"netFen":101637,"quantity":83"#) == true)
        #expect(entries.first?.entry.afterJSON?.contains(#""lineNo":1,"netFen":12245,"quantity":10"#) == true)
        #expect(try shop.auditActions(split.partID) == ["order.split"])
    }

    @Test("a split that fails after writing the new part leaves nothing of it behind", arguments: Engine.all)
    func failureHalfwayRollsBack(engine: Engine) throws {
        let shop = try TestShop.approved(engine, [issueOrder()])
        let order = try shop.tradeID("T83")
        // 82 units reserved for a line of 83 cannot be shared out by units: the split stops after it has stored the
        // part and shrunk nothing yet.
        try shop.database.write { try $0.execute("UPDATE reservations SET quantity = 82 WHERE trade_id = ?", order) }
        let before = try shop.trade(order)

        let error = try #require(throws: OrderChangeError.self) {
            try shop.split(order, [LineMove(lineNo: 1, quantity: 10)])
        }

        #expect(error.code == .wrongState)
        #expect(try shop.trade(order) == before)
        let parts = try shop.database.read { connection in
            try TradeRecords(connection, currency: .cny).ids(platformOrderID: "T83", companyID: shop.companyID)
        }
        #expect(parts == [order])
        #expect(try shop.auditActions(order) == [])
    }
}
