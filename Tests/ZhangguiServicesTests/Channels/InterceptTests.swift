import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Refunds and cancellations intercept trades before shipping")
struct InterceptTests {
    private func refund(_ id: String, order: String, status: AfterSaleStatus, modified: Int64) -> PlatformRefund {
        PlatformRefund(
            refundID: id,
            platformOrderID: order,
            kind: .refundOnly,
            status: status,
            amount: Money(fen: 2000),
            reason: "不想要了",
            createdAtMillis: modified - 1000,
            modifiedAtMillis: modified
        )
    }

    /// A bed with 5 units of A and order O1 for 2 of them, synced and approved.
    private func approvedBed(_ engine: Engine) throws -> SyncBed {
        let bed = try SyncBed(engine)
        try bed.shop.addSKUs("A")
        try bed.shop.stock("A", 5)
        bed.channel.put(platformOrder("O1", modified: SyncBed.midnight - 600_000, lines: [("A", 2, 1000)]))
        try bed.runOnce()
        #expect(try bed.shop.review.reviewPending(companyID: bed.companyID).approved == 1)
        #expect(try bed.shop.level("A") == StockLevel(onHand: 5, reserved: 2))
        return bed
    }

    @Test("a refund before shipping releases the reservation and blocks shipping", arguments: Engine.all)
    func refundBeforeShipping(engine: Engine) throws {
        let bed = try approvedBed(engine)
        bed.channel.put(refund("RF1", order: "O1", status: .requested, modified: SyncBed.midnight + 10_000))
        bed.clock.millis += 60_000

        let report = try bed.runOnce()

        #expect(report.refunds.new == 1)
        let id = try bed.shop.tradeID("O1")
        #expect(try bed.shop.trade(id).state == .onHold)
        #expect(try bed.holds("O1").map(\.reason) == [.refundInProgress])
        #expect(try bed.shop.level("A") == StockLevel(onHand: 5, reserved: 0))
        let (_, _, waybills, shipped) = try bed.shop.runMainJob()
        #expect(waybills == 0 && shipped.trades == 0)
        #expect(try bed.shop.level("A") == StockLevel(onHand: 5, reserved: 0))
        let stored = try bed.database.read {
            try AfterSaleRecords($0).forOrder(
                platformOrderID: "O1",
                shopID: bed.shopID,
                companyID: bed.companyID,
                currency: .cny
            )
        }
        #expect(stored.map(\.outcome) == [.intercepted])
        #expect(try IntegrityCheck(database: bed.database).run(companyID: bed.companyID).differences == [])
    }

    @Test("a refund of one line that succeeded before shipping holds the order for a clerk", arguments: Engine.all)
    func partialRefund(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.shop.addSKUs("A", "B")
        try bed.shop.stock("A", 5)
        try bed.shop.stock("B", 5)
        bed.channel.put(
            platformOrder("O2", modified: SyncBed.midnight - 600_000, lines: [("A", 1, 1000), ("B", 1, 1200)])
        )
        try bed.runOnce()
        #expect(try bed.shop.review.reviewPending(companyID: bed.companyID).approved == 1)
        var partial = refund("RF2", order: "O2", status: .succeeded, modified: SyncBed.midnight + 10_000)
        partial.lineIDs = ["O2-2"]
        bed.channel.put(partial)
        bed.clock.millis += 60_000

        try bed.runOnce()

        #expect(try bed.shop.trade(try bed.shop.tradeID("O2")).state == .onHold)
        #expect(try bed.holds("O2").map(\.reason) == [.refundInProgress])
        #expect(try bed.shop.level("A") == StockLevel(onHand: 5, reserved: 0))
        #expect(try bed.shop.level("B") == StockLevel(onHand: 5, reserved: 0))
    }

    @Test("the same refund arriving again holds nothing twice", arguments: Engine.all)
    func refundReplay(engine: Engine) throws {
        let bed = try approvedBed(engine)
        bed.channel.put(
            platformOrder("O1", modified: SyncBed.midnight + 5_000, status: .refunding, lines: [("A", 2, 1000)])
        )
        bed.channel.put(refund("RF1", order: "O1", status: .requested, modified: SyncBed.midnight + 10_000))
        bed.clock.millis += 60_000
        try bed.runOnce()
        let range = SyncWindow(startMillis: SyncBed.midnight, endMillis: SyncBed.midnight + 60_000)
        let replay = try bed.sync.backfill(company: bed.companyID, shop: bed.shopID, range: range)
        #expect(replay.orders.unchanged == 1 && replay.refunds.unchanged == 1)
        #expect(try bed.holds("O1").map(\.reason) == [.refundInProgress])
    }

    @Test("a refund for a waybilled trade takes it out of its parcel; the parcel does not ship", arguments: Engine.all)
    func refundAfterWaybill(engine: Engine) throws {
        let bed = try approvedBed(engine)
        _ = try AllocationService(database: bed.database).allocateApproved(companyID: bed.companyID)
        _ = try WaybillService(database: bed.database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: bed.companyID)
        #expect(try bed.shop.trade(try bed.shop.tradeID("O1")).state == .waybilled)
        bed.channel.put(refund("RF1", order: "O1", status: .requested, modified: SyncBed.midnight + 10_000))
        bed.clock.millis += 60_000

        try bed.runOnce()

        let trade = try bed.shop.trade(try bed.shop.tradeID("O1"))
        #expect(trade.state == .onHold && trade.shipmentID == nil)
        #expect(try ShippingService(database: bed.database).shipWaybilled(companyID: bed.companyID).trades == 0)
        #expect(try bed.shop.level("A") == StockLevel(onHand: 5, reserved: 0))
        #expect(try IntegrityCheck(database: bed.database).run(companyID: bed.companyID).differences == [])
    }

    @Test("a full refund that succeeded before shipping cancels the trade", arguments: Engine.all)
    func refundSucceeded(engine: Engine) throws {
        let bed = try approvedBed(engine)
        bed.channel.put(refund("RF1", order: "O1", status: .succeeded, modified: SyncBed.midnight + 10_000))
        bed.clock.millis += 60_000
        try bed.runOnce()
        #expect(try bed.shop.trade(try bed.shop.tradeID("O1")).state == .cancelled)
        #expect(try bed.shop.level("A") == StockLevel(onHand: 5, reserved: 0))
    }

    @Test("an order closed on the platform before shipping is cancelled, its stock given back", arguments: Engine.all)
    func closedOrder(engine: Engine) throws {
        let bed = try approvedBed(engine)
        bed.channel.put(
            platformOrder("O1", modified: SyncBed.midnight + 10_000, status: .closed, lines: [("A", 2, 1000)])
        )
        bed.clock.millis += 60_000
        #expect(try bed.runOnce().orders.changed == 1)
        #expect(try bed.shop.trade(try bed.shop.tradeID("O1")).state == .cancelled)
        #expect(try bed.shop.level("A") == StockLevel(onHand: 5, reserved: 0))
    }

    @Test("a refund after shipping flags the order for after-sales and leaves stock alone", arguments: Engine.all)
    func refundAfterShipping(engine: Engine) throws {
        let bed = try approvedBed(engine)
        _ = try bed.shop.runMainJob()
        #expect(try bed.shop.level("A") == StockLevel(onHand: 3, reserved: 0))
        bed.channel.put(refund("RF1", order: "O1", status: .requested, modified: SyncBed.midnight + 10_000))
        bed.clock.millis += 60_000

        try bed.runOnce()

        let id = try bed.shop.tradeID("O1")
        #expect(try bed.shop.trade(id).state == .shipped)
        #expect(try bed.database.read { try TradeRecords($0, currency: .cny).needsAfterSales(tradeID: id) })
        let open = try bed.database.read {
            try AfterSaleRecords($0).needingAttention(companyID: bed.companyID, currency: .cny)
        }
        #expect(open.map(\.refund.refundID) == ["RF1"])
        #expect(try bed.shop.level("A") == StockLevel(onHand: 3, reserved: 0))
    }

    @Test("a seller memo changed after approval holds the trade and gives its stock back", arguments: Engine.all)
    func memoAfterApproval(engine: Engine) throws {
        let bed = try approvedBed(engine)
        bed.channel.put(
            platformOrder("O1", modified: SyncBed.midnight + 10_000, lines: [("A", 2, 1000)], sellerMemo: "改发红色")
        )
        bed.clock.millis += 60_000
        try bed.runOnce()
        #expect(try bed.holds("O1").map(\.reason) == [.sellerMemo])
        #expect(try bed.shop.trade(try bed.shop.tradeID("O1")).sellerMemo == "改发红色")
        #expect(try bed.shop.level("A") == StockLevel(onHand: 5, reserved: 0))
    }
}
