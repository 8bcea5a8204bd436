import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Order sync: windows, checkpoints, versions")
struct OrderSyncTests {
    @Test(
        "orders modified at 23:59:59.800 and 00:00:00.300 either side of a window boundary come in once each",
        arguments: Engine.all
    )
    func windowBoundary(engine: Engine) throws {
        // Windows of one hour from the checkpoint 23:00:00.000 to now 01:00:00.000: [23:00, 00:00) and [00:00, 01:00).
        let bed = try SyncBed(
            engine,
            now: SyncBed.midnight + 3_600_000,
            plan: SyncPlan(overlapMillis: 0, safetyLagMillis: 0, firstLookbackMillis: 7_200_000),
            maximumWindowMillis: 3_600_000
        )
        bed.channel.put(platformOrder("LATE", modified: SyncBed.midnight - 200))
        bed.channel.put(platformOrder("EARLY", modified: SyncBed.midnight + 300))

        let first = try bed.runOnce()

        #expect(
            bed.channel.windowsAsked == [
                SyncWindow(startMillis: SyncBed.midnight - 3_600_000, endMillis: SyncBed.midnight),
                SyncWindow(startMillis: SyncBed.midnight, endMillis: SyncBed.midnight + 3_600_000),
            ]
        )
        #expect(first.orders.new == 2 && first.orders.unchanged == 0)
        #expect(try bed.trades().map(\.orderID) == ["LATE", "EARLY"])
        #expect(try bed.connection().ordersCheckpointMillis == SyncBed.midnight + 3_600_000)

        // A run whose overlap reaches back past 23:59:59.800 reads both again: nothing new.
        try bed.shop.database.write { connection in
            try ShopConnectionRecords(connection).updateSettings(
                plan: SyncPlan(overlapMillis: 3_600_000 + 600, safetyLagMillis: 0),
                stockShare: StockShare(),
                shopID: bed.shopID,
                companyID: bed.companyID
            )
        }
        bed.clock.millis += 60_000
        let second = try bed.runOnce()
        #expect(second.orders.new == 0 && second.orders.unchanged == 2)
        #expect(try bed.trades().count == 2)
    }

    @Test("a server in UTC with a shop in Asia/Shanghai takes a just-paid order on the next run", arguments: Engine.all)
    func justPaid(engine: Engine) throws {
        // 2026-12-04 18:00:00 UTC is 2026-12-05 02:00:00 in Shanghai, the company's zone.
        let paidAt: Int64 = 1_796_407_200_000
        let bed = try SyncBed(
            engine,
            now: paidAt - 60_000,
            plan: SyncPlan(overlapMillis: 60_000, safetyLagMillis: 10_000, firstLookbackMillis: 3_600_000)
        )
        try bed.runOnce()
        // Paid at 18:00:00.000, modified 18:00:01.000; the run at 18:00:05 stops at 17:59:55.
        var order = platformOrder("JUST", modified: paidAt + 1000)
        order.paidAtMillis = paidAt
        bed.channel.put(order)
        bed.clock.millis = paidAt + 5000
        #expect(try bed.runOnce().orders.new == 0)

        bed.clock.millis = paidAt + 65_000
        let next = try bed.runOnce()

        #expect(next.orders.new == 1)
        let trades = try bed.trades()
        #expect(trades.count == 1)
        #expect(trades.first?.paidAt == paidAt / 1000)
        #expect(trades.first?.businessDate == "2026-12-05")
    }

    @Test(
        "a version marked paid that arrives before the one marked created gives one paid order",
        arguments: Engine.all
    )
    func paidBeforeCreated(engine: Engine) throws {
        let bed = try SyncBed(engine)
        let created = platformOrder("P1", modified: SyncBed.midnight - 600_000, status: .pendingPayment)
        let paid = platformOrder("P1", modified: SyncBed.midnight - 300_000)
        bed.channel.put(paid)
        try bed.runOnce()
        // The older version now reaches us late, through a re-pull.
        bed.channel.put(created)
        let (outcome, _) = try bed.sync.repull(company: bed.companyID, shop: bed.shopID, platformOrderID: "P1")

        #expect(outcome == .stale)
        let trades = try bed.trades()
        #expect(trades.count == 1)
        #expect(trades.first?.state == .pendingReview)
        #expect(trades.first?.paidAt == (SyncBed.midnight - 360_000) / 1000)
    }

    @Test("an unpaid order waits; its paid version becomes a trade", arguments: Engine.all)
    func unpaidWaits(engine: Engine) throws {
        let bed = try SyncBed(engine)
        bed.channel.put(platformOrder("U1", modified: SyncBed.midnight - 600_000, status: .pendingPayment))
        #expect(try bed.runOnce().orders.new == 1)
        #expect(try bed.trades().isEmpty)

        bed.channel.put(platformOrder("U1", modified: SyncBed.midnight + 30_000))
        bed.clock.millis += 60_000
        #expect(try bed.runOnce().orders.changed == 1)
        #expect(try bed.trades().map(\.orderID) == ["U1"])
    }

    @Test(
        "an order no trade can hold is named in the sync log; the others and the checkpoint go on",
        arguments: Engine.all
    )
    func badOrder(engine: Engine) throws {
        let bed = try SyncBed(engine)
        bed.channel.put(platformOrder("BAD", modified: SyncBed.midnight - 2000, lines: [("A", 0, 1000)]))
        bed.channel.put(platformOrder("GOOD", modified: SyncBed.midnight - 1000))
        let report = try bed.runOnce()
        #expect(report.orders.new == 1 && report.orders.errors == 1)
        #expect(try bed.trades().map(\.orderID) == ["GOOD"])
        #expect(try bed.connection().ordersCheckpointMillis == SyncBed.midnight)
        #expect(try bed.runs().first?.lastError == "order BAD: line 1: quantity 0 outside 1…10000000")

        bed.channel.put(platformOrder("BAD", modified: SyncBed.midnight + 1000, lines: [("A", 1, 1000)]))
        bed.clock.millis += 60_000
        #expect(try bed.runOnce().orders.new == 1)
        #expect(try bed.trades().map(\.orderID) == ["GOOD", "BAD"])
    }

    @Test("replaying a page changes nothing", arguments: Engine.all)
    func replay(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.shop.addSKUs("A", "B")
        bed.channel.put(platformOrder("R1", modified: SyncBed.midnight - 900_000, lines: [("A", 2, 1500)]))
        bed.channel.put(
            platformOrder("R2", modified: SyncBed.midnight - 800_000, lines: [("B", 1, 990), ("X", 1, 10)])
        )
        bed.channel.put(platformOrder("R3", modified: SyncBed.midnight - 700_000, sellerMemo: "送礼"))
        try bed.runOnce()
        let before = try bed.rowCounts()
        let range = SyncWindow(startMillis: SyncBed.midnight - 3_600_000, endMillis: SyncBed.midnight)

        let replayed = try bed.sync.backfill(company: bed.companyID, shop: bed.shopID, range: range)

        #expect(replayed.orders.unchanged == 3 && replayed.orders.new == 0 && replayed.orders.changed == 0)
        #expect(try bed.rowCounts() == before)
        #expect(before["trades"] == 3 && before["trade_lines"] == 4 && before["platform_orders"] == 3)
    }

    @Test("each run is in the sync log with its window, pages and counts", arguments: Engine.all)
    func syncLog(engine: Engine) throws {
        let bed = try SyncBed(engine)
        for index in 1...3 {
            bed.channel.put(platformOrder("L\(index)", modified: SyncBed.midnight - Int64(index) * 1000))
        }
        try bed.runOnce()
        let orders = try #require(try bed.runs().first { $0.kind == .orders })
        #expect(orders.windowStartMillis == SyncBed.midnight - 3_600_000)
        #expect(orders.windowEndMillis == SyncBed.midnight)
        #expect(orders.counts.pages == 2)  // three orders, two per page
        #expect(orders.counts.new == 3)
        #expect(orders.outcome == .done)
    }

    @Test("a backfill reports its progress window by window", arguments: Engine.all)
    func backfillProgress(engine: Engine) throws {
        let bed = try SyncBed(engine, maximumWindowMillis: 1_800_000)
        bed.channel.put(platformOrder("B1", modified: SyncBed.midnight - 5_000_000))
        var seen: [BackfillProgress] = []
        let range = SyncWindow(startMillis: SyncBed.midnight - 5_400_000, endMillis: SyncBed.midnight)
        _ = try bed.sync.backfill(company: bed.companyID, shop: bed.shopID, range: range) { seen.append($0) }
        #expect(seen.map(\.windowsDone) == [1, 2, 3])
        #expect(
            seen.map(\.reachedMillis) == [SyncBed.midnight - 3_600_000, SyncBed.midnight - 1_800_000, SyncBed.midnight]
        )
        #expect(seen.last?.counts.new == 1)
    }
}
