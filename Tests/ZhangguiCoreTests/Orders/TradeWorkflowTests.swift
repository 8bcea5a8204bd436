import Testing
import ZhangguiCore

@Suite("The trade state machine")
struct TradeWorkflowTests {
    @Test(
        "the main path runs 待审核 → 已审核 → 已配货 → 已打单 → 已发货",
        arguments: [
            (TradeAction.approve, TradeState.pendingReview, TradeState.approved),
            (.allocate, .approved, .allocated),
            (.waybill, .allocated, .waybilled),
            (.ship, .waybilled, .shipped),
            (.hold, .pendingReview, .onHold),
            (.release, .onHold, .pendingReview),
            (.approve, .onHold, .approved),
            (.cancel, .waybilled, .cancelled),
        ]
    )
    func allowedTransitions(action: TradeAction, from: TradeState, to: TradeState) throws {
        #expect(try TradeWorkflow.state(after: action, from: from) == to)
    }

    @Test(
        "forbidden moves throw a clear error",
        arguments: [
            (TradeAction.ship, TradeState.pendingReview),
            (.ship, .onHold),
            (.waybill, .approved),
            (.approve, .shipped),
            (.cancel, .shipped),
            (.release, .approved),
            (.allocate, .cancelled),
        ]
    )
    func forbiddenTransitions(action: TradeAction, from: TradeState) {
        #expect(throws: TradeTransitionError(action: action, state: from)) {
            try TradeWorkflow.state(after: action, from: from)
        }
    }

    @Test("the error names the action and the state in Chinese")
    func errorIsReadable() {
        let error = TradeTransitionError(action: .ship, state: .onHold)
        #expect(error.description == "cannot ship a trade that is onHold (挂起)")
    }

    @Test("shipped and cancelled trades are final")
    func finalStates() {
        for state in [TradeState.shipped, .cancelled] {
            for action in TradeAction.allCases {
                #expect((try? TradeWorkflow.state(after: action, from: state)) == nil)
            }
        }
    }
}

@Suite("Trade amounts")
struct TradeAmountTests {
    private func trade(discount: Int64) -> Trade {
        Trade(
            platformOrderID: "T1",
            shopCode: "S",
            orderedAt: 0,
            paidAt: 0,
            receiver: Receiver(name: "", phone: "", province: "", city: "", district: "", address: ""),
            lines: [
                TradeLine(merchantCode: "A", quantity: 1, unitPrice: Money(fen: 3333)),
                TradeLine(merchantCode: "B", quantity: 1, unitPrice: Money(fen: 3333)),
                TradeLine(merchantCode: "C", quantity: 1, unitPrice: Money(fen: 3334)),
            ],
            discount: Money(fen: discount),
            freight: Money(fen: 800)
        )
    }

    @Test("line net amounts after a 10.00 discount are 30.00, 30.00 and 30.00")
    func lineNetAmounts() {
        #expect(trade(discount: 1000).lineNetAmounts.map(\.fen) == [3000, 3000, 3000])
        #expect(trade(discount: 1000).paidAmount == Money(fen: 9800))
    }
}

@Suite("Combos (组合装)")
struct ComboTests {
    @Test("two gift boxes of one A and three B need two A and six B")
    func expandsComponents() throws {
        let combo = try Combo(
            code: "BOX",
            components: [.init(skuCode: "A", quantity: 1), .init(skuCode: "B", quantity: 3)]
        )
        #expect(combo.expand(quantity: 2) == [.init(skuCode: "A", quantity: 2), .init(skuCode: "B", quantity: 6)])
    }

    @Test("a combo that contains itself or nothing is refused")
    func refusesBadCombos() {
        #expect(throws: CatalogError(code: .comboContainsItself, skuCode: "BOX")) {
            try Combo(code: "BOX", components: [.init(skuCode: "BOX", quantity: 1)])
        }
        #expect(throws: CatalogError(code: .emptyCombo, skuCode: "BOX")) { try Combo(code: "BOX", components: []) }
    }
}

@Suite("When orders may be split and merged by hand")
struct ParcelRulesTests {
    @Test("an order is split until its parcel has a waybill; merged when its stock is reserved and no waybill yet")
    func states() {
        #expect(TradeWorkflow.splittable == [.pendingReview, .onHold, .approved, .allocated])
        #expect(TradeWorkflow.mergeable == [.approved, .allocated])
        #expect(TradeWorkflow.mergeable.allSatisfy { $0.holdsReservation })
        #expect(!TradeWorkflow.splittable.contains(.waybilled))
    }
}
