import Testing
import ZhangguiCore

@Suite("Automatic review")
struct TradeReviewTests {
    private func facts(
        lines: [LineFacts],
        available: [String: Int64] = ["A": 100],
        address: AddressCheck = .valid(divisionCode: "110105"),
        phone: String = "13800138000",
        buyerNote: String = "",
        paid: Int64 = 10_000
    ) -> ReviewFacts {
        ReviewFacts(
            lines: lines,
            available: available,
            address: address,
            paidAmount: Money(fen: paid),
            phone: phone,
            buyerNote: buyerNote,
            sellerMemo: "",
            hasRefundInProgress: false
        )
    }

    private func line(_ code: String = "A", quantity: Int64 = 1, net: Int64 = 10_000, cost: Int64? = 5000) -> LineFacts
    {
        LineFacts(
            lineNumber: 1,
            merchantCode: code,
            quantity: quantity,
            netAmount: Money(fen: net),
            components: code == "X" ? [] : [ComboComponent(skuCode: code, quantity: quantity)],
            cost: cost.map { Money(fen: $0) },
            listPrice: Money(fen: 10_000)
        )
    }

    @Test("a clean trade raises no hold")
    func cleanTradePasses() {
        #expect(TradeReview.holds(for: facts(lines: [line()]), policy: .standard).isEmpty)
    }

    @Test("each problem is held with its reason and the check that found it")
    func namesReasonAndCheck() {
        let holds = TradeReview.holds(
            for: facts(
                lines: [line("X"), line("A", quantity: 8, net: 80_000)],
                available: ["A": 5],
                address: .invalid(field: "district", detail: "朝阳区 is not in 杭州市"),
                phone: "12345",
                buyerNote: "请发顺丰"
            ),
            policy: .standard
        )
        #expect(holds.map(\.reason) == [.unmappedSKU, .stockShortage, .invalidAddress, .invalidPhone, .buyerNote])
        #expect(holds.map(\.check) == ["sku-mapping", "stock", "address", "phone", "notes"])
        #expect(holds[1].detail == "A: 8 needed, 5 available")
    }

    @Test("selling below cost, or below 30 % of list price, is a price anomaly")
    func priceAnomalies() {
        let belowCost = TradeReview.holds(for: facts(lines: [line(net: 4999)]), policy: .standard)
        #expect(belowCost.map(\.reason) == [.priceBelowCost])
        let cheap = TradeReview.holds(for: facts(lines: [line(net: 2999, cost: nil)]), policy: .standard)
        #expect(cheap.map(\.reason) == [.priceBelowListShare])
        let atFloor = TradeReview.holds(for: facts(lines: [line(net: 3000, cost: nil)]), policy: .standard)
        #expect(atFloor.isEmpty)
    }

    @Test("orders above 1,000 yuan are high priority, at 1,000 they are not")
    func highPriority() {
        #expect(TradeReview.isHighPriority(facts(lines: [], paid: 100_001), policy: .standard))
        #expect(!TradeReview.isHighPriority(facts(lines: [], paid: 100_000), policy: .standard))
    }

    @Test(
        "phone numbers couriers can call are accepted",
        arguments: ["13800138000", "+8613800138000", "138****8000", "13800138000-1234", "029-88880000", "02988880000"]
    )
    func plausiblePhones(phone: String) {
        #expect(PhoneNumber.isPlausible(phone))
    }

    @Test("numbers that are not phones are refused", arguments: ["", "12345", "23800138000", "1380013800a", "abc-def"])
    func implausiblePhones(phone: String) {
        #expect(!PhoneNumber.isPlausible(phone))
    }
}

@Suite("Review survives the largest amounts the importers accept")
struct ReviewLimitsTests {
    @Test("a line of 10,000,000 units at 100,000,000.00 list is checked without overflow")
    func hugeLineIsChecked() {
        let line = LineFacts(
            lineNumber: 1,
            merchantCode: "A",
            quantity: Limits.quantity,
            netAmount: Money(fen: Limits.amountFen * Limits.quantity),
            components: [ComboComponent(skuCode: "A", quantity: Limits.quantity)],
            cost: nil,
            listPrice: Money(fen: Limits.amountFen)
        )
        let facts = ReviewFacts(
            lines: [line],
            available: ["A": Limits.quantity],
            address: .valid(divisionCode: "110105"),
            paidAmount: Money(fen: Limits.amountFen * Limits.quantity),
            phone: "13800138000",
            buyerNote: "",
            sellerMemo: "",
            hasRefundInProgress: false
        )
        #expect(TradeReview.holds(for: facts, policy: .standard).isEmpty)
    }
}

@Suite("Review says plainly what is missing")
struct ReviewWordingTests {
    private func facts(isPaid: Bool = true, servingWarehouses: Int = 1) -> ReviewFacts {
        ReviewFacts(
            lines: [
                LineFacts(
                    lineNumber: 1,
                    merchantCode: "A",
                    quantity: 1,
                    netAmount: Money(fen: 1000),
                    components: [ComboComponent(skuCode: "A", quantity: 1)],
                    cost: nil,
                    listPrice: Money(fen: 1000)
                )
            ],
            available: ["A": servingWarehouses == 0 ? 0 : 5],
            address: .valid(divisionCode: "110105"),
            paidAmount: Money(fen: 1000),
            phone: "13800138000",
            buyerNote: "",
            sellerMemo: "",
            hasRefundInProgress: false,
            isPaid: isPaid,
            servingWarehouses: servingWarehouses
        )
    }

    @Test("an unpaid order is held as 未付款 by the payment check")
    func unpaidIsHeld() {
        #expect(
            TradeReview.holds(for: facts(isPaid: false), policy: .standard)
                == [Hold(reason: .unpaid, check: "payment", detail: "the buyer has not paid")]
        )
    }

    @Test("when no warehouse serves the receiver, the shortage says so instead of '0 available'")
    func noServingWarehouse() {
        #expect(
            TradeReview.holds(for: facts(servingWarehouses: 0), policy: .standard)
                == [Hold(reason: .stockShortage, check: "stock", detail: "no warehouse serves division 110105")]
        )
    }
}
