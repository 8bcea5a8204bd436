import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Returns and refunds reverse exactly what the returned lines booked")
struct AfterSaleReturnTests {
    // Shipping T1 booked, with VAT split per line (net = round-half-up(incl ÷ 1.13)):
    //   A 50.00 → revenue 44.25 (4424.78…), VAT 5.75; cost 1 × 10.00
    //   B 90.40 → revenue 80.00, VAT 10.40; cost 2 × 21.00 = 42.00 (31500 fen ÷ 15 units × 2)
    //   C 11.30 → revenue 10.00, VAT 1.30; cost 1 × 5.00
    @Test("a return of one of three lines reverses only that line's revenue and cost", arguments: Engine.all)
    func returnOneLine(engine: Engine) throws {
        let bed = try AfterSaleBed(engine)
        let opened = try bed.open(.returnAndRefund, "B", units: 2)
        let revenueBefore = try bed.net("5001")
        let costBefore = try bed.net("5401")
        try bed.perform([.agree, .awaitReturn, .receive], on: opened.id)
        let received = try bed.cost("B")
        let closed = try bed.perform([.refund, .close], on: opened.id)

        #expect(opened.refund == Money(fen: 9040))
        #expect(revenueBefore == ["A": -4425, "B": -8000, "C": -1000])
        #expect(costBefore == ["A": 1000, "B": 4200, "C": 500])
        #expect(try bed.net("5001") == ["A": -4425, "B": 0, "C": -1000])
        #expect(try bed.net("5401") == ["A": 1000, "B": 0, "C": 500])
        // VAT 5.75 + 10.40 + 1.30 on shipping, 10.40 back; receivable 151.70, 90.40 back.
        let vat: Int64 = -575 - 1040 - 130 + 1040
        let receivable: Int64 = 15170 - 9040
        #expect(try bed.net("22210106") == ["-": vat])
        #expect(try bed.net("1122") == ["-": receivable])
        // B: 8 left after shipping + 10 bought = 18 worth 168.00 + 300.00 (13 @ 21.00 over both warehouses… all
        // in MAIN here: 15 − 2 = 13 units worth 273.00, then 10 @ 30.00), and the 2 back at 21.00 each.
        #expect(received.0 == 13 + 10 + 2)
        #expect(received.1 == 27300 + 30000 + 4200)
        #expect(try bed.shop.level("B") == StockLevel(onHand: 13 + 10 + 2))
        #expect(closed?.state == .closed)
        #expect(closed?.lines.map(\.condition) == [.sellable])
        #expect(try IntegrityCheck(database: bed.shop.database).run(companyID: bed.shop.companyID).isClean)
    }

    @Test("仅退款 reverses revenue and output VAT only: no stock or cost moves", arguments: Engine.all)
    func refundOnly(engine: Engine) throws {
        let bed = try AfterSaleBed(engine)
        let opened = try bed.open(.refundOnly, "C", units: 1, refund: 565)
        let level = try bed.shop.level("C")
        try bed.perform([.agree, .refund], on: opened.id)

        // 5.65 incl. → 5.00 revenue + 0.65 VAT.
        let vat: Int64 = -575 - 1040 - 130 + 65
        let receivable: Int64 = 15170 - 565
        #expect(try bed.net("5001")["C"] == -1000 + 500)
        #expect(try bed.net("22210106") == ["-": vat])
        #expect(try bed.net("1122") == ["-": receivable])
        #expect(try bed.net("5401") == ["A": 1000, "B": 4200, "C": 500])
        #expect(try bed.shop.level("C") == level)
        #expect(try IntegrityCheck(database: bed.shop.database).run(companyID: bed.shop.companyID).isClean)
    }

    @Test("a defective return is on hand but held back: not available", arguments: Engine.all)
    func defectiveReturn(engine: Engine) throws {
        let bed = try AfterSaleBed(engine)
        let opened = try bed.open(.returnAndRefund, "A", units: 1)
        try bed.perform([.agree], on: opened.id)
        let lineA = try bed.lineID("A")
        _ = try bed.service.receiveReturn(
            caseID: opened.id,
            conditions: [lineA: .defective],
            companyID: bed.shop.companyID,
            audit: bed.audit
        )

        // 10 opening − 1 shipped = 9 available; the returned unit is on hand and frozen.
        let level = try bed.shop.level("A")
        #expect(level == StockLevel(onHand: 10, reserved: 0, frozen: 1))
        #expect(level.available == 9)
        let costA = try bed.cost("A")
        #expect(costA.0 == 10)
        #expect(costA.1 == 10 * 1000)
        #expect(try IntegrityCheck(database: bed.shop.database).run(companyID: bed.shop.companyID).isClean)
    }

    @Test("receiving a line the case does not cover is refused naming it; nothing comes back", arguments: Engine.all)
    func receiveForeignLine(engine: Engine) throws {
        let bed = try AfterSaleBed(engine)
        let opened = try bed.open(.returnAndRefund, "B", units: 1)
        try bed.perform([.agree], on: opened.id)
        let levelB = try bed.shop.level("B")
        let levelA = try bed.shop.level("A")

        #expect {
            _ = try bed.service.receiveReturn(
                caseID: opened.id,
                conditions: [try bed.lineID("A"): .defective],
                companyID: bed.shop.companyID,
                audit: bed.audit
            )
        } throws: { error in
            // T1's lines are A, B, C in that order: the case covers line 2 (B), not line 1 (A).
            (error as? AfterSaleError)?.code == .badLines
                && (error as? AfterSaleError)?.detail == "line 1 (A) is not in case \(opened.id); it covers line 2"
        }
        #expect(try bed.service.find(opened.id, companyID: bed.shop.companyID)?.state == .agreed)
        #expect(try bed.shop.level("B") == levelB)
        #expect(try bed.shop.level("A") == levelA)
    }

    @Test("an illegal move is refused naming the state, and changes nothing", arguments: Engine.all)
    func illegalMove(engine: Engine) throws {
        let bed = try AfterSaleBed(engine)
        let opened = try bed.open(.returnAndRefund, "B", units: 1)

        #expect(throws: AfterSaleError.self) { try bed.perform([.refund], on: opened.id) }
        do {
            try bed.perform([.refund], on: opened.id)
        } catch let error as AfterSaleError {
            #expect(error.code == .illegalTransition)
            #expect(error.detail.contains("requested"))
            #expect(error.detail.contains("待处理"))
        }
        #expect(try bed.service.find(opened.id, companyID: bed.shop.companyID)?.state == .requested)
        #expect(try bed.net("5001")["B"] == -8000)
    }

    @Test("a line cannot be taken back twice: the second case asks for more than is left", arguments: Engine.all)
    func overClaim(engine: Engine) throws {
        let bed = try AfterSaleBed(engine)
        _ = try bed.open(.returnAndRefund, "B", units: 2)

        #expect(throws: AfterSaleError(code: .badQuantity, detail: "line 2 (B): 1 units asked, 0 left")) {
            try bed.open(.refundOnly, "B", units: 1)
        }
    }

    @Test("换货 receives the return and sends the replacement as a new order waiting for review", arguments: Engine.all)
    func exchange(engine: Engine) throws {
        let bed = try AfterSaleBed(engine)
        let opened = try bed.open(.exchange, "C", units: 1)
        let reshipped = try #require(try bed.perform([.agree, .awaitReturn, .receive, .reship], on: opened.id))
        let replacementID = try #require(reshipped.replacementTradeID)
        let replacement = try bed.shop.trade(replacementID)

        #expect(reshipped.state == .reshipped)
        #expect(replacement.platformOrderID == "T1-AS\(opened.id)")
        #expect(replacement.state == .pendingReview)
        #expect(replacement.lines.map(\.merchantCode) == ["C"])
        #expect(replacement.lines.map(\.quantity) == [1])
        #expect(replacement.lines.map(\.net.fen) == [0])
        #expect(opened.refund.isZero)
        // The returned C came back at 5.00; revenue stays.
        #expect(try bed.net("5401")["C"] == 0)
        #expect(try bed.net("5001")["C"] == -1000)
        #expect(try IntegrityCheck(database: bed.shop.database).run(companyID: bed.shop.companyID).isClean)

        // At 0.00 the replacement is held by the price check until a clerk approves it; then it ships at cost.
        _ = try bed.shop.review.reviewPending(companyID: bed.shop.companyID)
        let held = try bed.shop.trade(replacementID).state
        _ = try bed.shop.review.approve(tradeID: replacementID, companyID: bed.shop.companyID)
        _ = try bed.shop.runMainJob()
        #expect(held == .onHold)
        #expect(try bed.shop.trade(replacementID).state == .shipped)
        #expect(try bed.net("5401")["C"] == 500)
        #expect(try bed.net("5001")["C"] == -1000)
        #expect(try IntegrityCheck(database: bed.shop.database).run(companyID: bed.shop.companyID).isClean)
    }

    @Test("an order shipped before line costs were recorded comes back at its stock-ledger cost", arguments: Engine.all)
    func returnFromLedger(engine: Engine) throws {
        let bed = try AfterSaleBed(engine)
        try bed.shop.database.write { connection in
            try connection.execute("DELETE FROM shipped_line_costs WHERE trade_id = ?", bed.tradeID)
        }
        let opened = try bed.open(.returnAndRefund, "B", units: 2)
        try bed.perform([.agree, .receive], on: opened.id)

        #expect(try bed.net("5401")["B"] == 0)
        #expect(try bed.cost("B").1 == 27300 + 30000 + 4200)
        #expect(try IntegrityCheck(database: bed.shop.database).run(companyID: bed.shop.companyID).isClean)
    }

    @Test("check names a return in the stock ledger that no received case explains", arguments: Engine.all)
    func strayReturn(engine: Engine) throws {
        let bed = try AfterSaleBed(engine)
        try bed.shop.database.write { connection in
            try connection.execute(
                """
                INSERT INTO stock_ledger (company_id, warehouse_id, sku_id, on_hand_delta, reserved_delta,
                    frozen_delta, value_delta_fen, reason, document, created_at)
                SELECT company_id, warehouse_id, sku_id, 0, 0, 0, 0, 'return', 'after-sale:999', 0
                FROM stock_balances WHERE company_id = ? LIMIT 1
                """,
                bed.shop.companyID
            )
        }
        let report = try IntegrityCheck(database: bed.shop.database).run(companyID: bed.shop.companyID)

        #expect(report.differences == ["stock ledger returns for after-sale:999 have no received after-sales case"])
    }
}
