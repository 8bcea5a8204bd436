import Testing
import ZhangguiCore

@Suite("Sync windows, stock shares and the rules for changed orders")
struct SyncRulesTests {
    /// 2026-12-05 00:00:00 UTC in milliseconds.
    private let midnight: Int64 = 1_796_428_800_000

    @Test("windows are cut to the platform's maximum; 23:59:59.800 and 00:00:00.300 fall in one window each")
    func windows() {
        let span = SyncWindow(startMillis: midnight - 5_400_000, endMillis: midnight + 1_800_000)
        let windows = SyncPlan.windows(covering: span, maximumMillis: 3_600_000)
        #expect(
            windows == [
                SyncWindow(startMillis: midnight - 5_400_000, endMillis: midnight - 1_800_000),
                SyncWindow(startMillis: midnight - 1_800_000, endMillis: midnight + 1_800_000),
            ]
        )
        let boundary = [
            SyncWindow(startMillis: midnight - 1000, endMillis: midnight),
            SyncWindow(startMillis: midnight, endMillis: midnight + 1000),
        ]
        for millis in [midnight - 200, midnight + 300] {
            #expect(boundary.filter { $0.contains(millis: millis) }.count == 1)
        }
    }

    @Test("a run reads from the checkpoint less the overlap to now less the safety lag")
    func span() {
        let plan = SyncPlan(overlapMillis: 300_000, safetyLagMillis: 10_000, firstLookbackMillis: 86_400_000)
        #expect(
            plan.span(checkpointMillis: midnight, nowMillis: midnight + 60_000)
                == SyncWindow(startMillis: midnight - 300_000, endMillis: midnight + 50_000)
        )
        #expect(
            plan.span(checkpointMillis: nil, nowMillis: midnight)
                == SyncWindow(startMillis: midnight - 10_000 - 86_400_000, endMillis: midnight - 10_000)
        )
        #expect(
            SyncPlan(overlapMillis: 0, safetyLagMillis: 10_000).span(
                checkpointMillis: midnight,
                nowMillis: midnight + 5000
            ) == nil
        )
    }

    @Test(
        "the pushed quantity is (available − buffer) × share, capped at the maximum",
        arguments: [
            (Int64(3), Int64(10_000), Int64(0), Int64?.none, Int64(3)),
            (10, 5000, 1, 4, 4),
            (10, 3333, 0, nil, 3),
            (2, 10_000, 5, nil, 0),
            (-1, 10_000, 0, nil, 0),
        ]
    )
    func stockShare(available: Int64, share: Int64, buffer: Int64, maximum: Int64?, expected: Int64) {
        #expect(
            StockShare(shareBasisPoints: share, buffer: buffer, maximum: maximum).quantity(available: available)
                == expected
        )
    }

    @Test("a combo offers as many listings as its scarcest component allows")
    func comboSets() {
        #expect(StockShare.sellable(parts: [(10, 2), (7, 1)]) == 5)
        #expect(StockShare.sellable(parts: [(10, 2), (1, 3)]) == 0)
        #expect(StockShare.sellable(parts: []) == 0)
    }

    private func order(_ status: PlatformOrderStatus, memo: String = "", refund: Bool = false) -> PlatformOrder {
        PlatformOrder(
            platformOrderID: "T1",
            status: status,
            createdAtMillis: midnight,
            paidAtMillis: midnight + 1000,
            modifiedAtMillis: midnight + 2000,
            receiver: Receiver(
                name: "张*",
                phone: "138****8000",
                province: "上海",
                city: "上海市",
                district: "黄浦区",
                address: "示例路**号"
            ),
            lines: [
                PlatformOrderLine(
                    lineID: "1",
                    itemID: "i",
                    skuID: "s",
                    outerID: "A",
                    title: "A",
                    quantity: 2,
                    unitPrice: Money(fen: 1250),
                    hasOpenRefund: refund
                )
            ],
            freight: Money(fen: 500),
            paid: Money(fen: 3000),
            sellerMemo: memo
        )
    }

    @Test("a new order becomes a trade only once paid; shipped or closed ones never do")
    func firstSight() {
        #expect(
            OrderUpdateRules.reactions(to: order(.awaitingShipment), previous: nil, tradeState: nil) == [
                .create(holds: [])
            ]
        )
        #expect(
            OrderUpdateRules.reactions(to: order(.pendingPayment), previous: nil, tradeState: nil) == [.skip(.unpaid)]
        )
        #expect(
            OrderUpdateRules.reactions(to: order(.shipped), previous: nil, tradeState: nil) == [
                .skip(.shippedElsewhere)
            ]
        )
        #expect(OrderUpdateRules.reactions(to: order(.closed), previous: nil, tradeState: nil) == [.skip(.closed)])
    }

    @Test("before shipping a refund intercepts and a close cancels; after shipping both flag after-sales")
    func changes() {
        let paid = order(.awaitingShipment)
        #expect(
            OrderUpdateRules.reactions(to: order(.refunding), previous: paid, tradeState: .allocated)
                == [.setRefundFlag(true), .intercept(OrderUpdateRules.refundHold)]
        )
        #expect(
            OrderUpdateRules.reactions(
                to: order(.awaitingShipment, refund: true),
                previous: paid,
                tradeState: .approved
            )
                == [.setRefundFlag(true), .intercept(OrderUpdateRules.refundHold)]
        )
        #expect(OrderUpdateRules.reactions(to: order(.closed), previous: paid, tradeState: .waybilled) == [.cancel])
        #expect(
            OrderUpdateRules.reactions(to: order(.refunding), previous: paid, tradeState: .shipped) == [.flagAfterSales]
        )
        #expect(OrderUpdateRules.reactions(to: order(.closed), previous: paid, tradeState: .cancelled) == [])
    }

    @Test("a new seller memo is taken; after approval it also holds the trade")
    func memo() {
        let paid = order(.awaitingShipment)
        let memo = order(.awaitingShipment, memo: "改地址")
        #expect(
            OrderUpdateRules.reactions(to: memo, previous: paid, tradeState: .pendingReview)
                == [.updateNotes(buyerNote: "", sellerMemo: "改地址")]
        )
        #expect(
            OrderUpdateRules.reactions(to: memo, previous: paid, tradeState: .approved) == [
                .updateNotes(buyerNote: "", sellerMemo: "改地址"),
                .intercept(
                    Hold(reason: .sellerMemo, check: "platform-change", detail: "seller memo changed after approval")
                ),
            ]
        )
    }

    @Test("a platform order becomes a trade with exact money and UTC seconds")
    func trade() throws {
        let trade = try order(.awaitingShipment).trade(shopCode: "TB", merchantCodes: ["A"])
        #expect(trade.paidAmount == Money(fen: 3000))  // 2 × 12.50 + 5.00 freight
        #expect(trade.orderedAt == midnight / 1000 && trade.paidAt == midnight / 1000 + 1)
        #expect(order(.awaitingShipment).paymentMismatch(of: trade) == nil)
        var short = order(.awaitingShipment)
        short.paid = Money(fen: 2990)
        #expect(short.paymentMismatch(of: trade)?.check == "platform-amounts")
        var empty = order(.awaitingShipment)
        empty.lines = []
        #expect(throws: PlatformOrderProblem(platformOrderID: "T1", detail: "no lines")) {
            try empty.trade(shopCode: "TB", merchantCodes: [])
        }
    }
}
