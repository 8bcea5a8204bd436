import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("A SKU at or below its reorder point raises one alert per fall, not one per tick")
struct LowStockAlertTests {
    @Test(
        "reorder point 5, 8 mugs: an order of 3 raises one alert, kept for a tick, cleared on hold, raised anew",
        arguments: Engine.all
    )
    func oncePerCrossing(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("MUG")
        try shop.stock("MUG", 8)
        try shop.ingest([makeTrade("T1", lines: [("MUG", 3, 1000)])])
        let order = try shop.tradeID("T1")
        let alerts = AlertService(database: shop.database)
        try alerts.setReorderPoint(
            skuCode: "MUG",
            warehouseCode: "MAIN",
            quantity: 5,
            companyID: shop.companyID,
            now: 1
        )
        let ticks = TickRunner(shop, LowStockJob(interval: 60))

        try ticks.run(1)  // available 8 > 5
        let beforeFall = try alerts.alerts(companyID: shop.companyID)
        _ = try shop.review.approve(tradeID: order, companyID: shop.companyID)
        try ticks.run(2)  // available 8 − 3 = 5 ≤ 5
        try ticks.run(3)  // still 5
        let afterFall = try alerts.alerts(companyID: shop.companyID)
        try shop.review.hold(tradeID: order, note: "", companyID: shop.companyID)
        try ticks.run(4)  // back to 8
        let afterRise = try alerts.alerts(companyID: shop.companyID)
        _ = try shop.review.approve(tradeID: order, companyID: shop.companyID)
        try ticks.run(5)  // 5 again

        #expect(beforeFall.isEmpty)
        #expect(afterFall.count == 1)
        #expect(afterFall.first?.kind == .lowStock)
        #expect(afterFall.first?.warehouseCode == "MAIN")
        #expect(afterFall.first?.skuCode == "MUG")
        #expect(afterFall.first?.quantity == 5)
        #expect(afterFall.first?.threshold == 5)
        #expect(afterFall.first?.raisedAt == 120)
        #expect(afterRise.isEmpty)
        let every = try alerts.alerts(companyID: shop.companyID, includeCleared: true)
        #expect(every.map(\.raisedAt) == [300, 120])
        #expect(every.map(\.clearedAt) == [nil, 240])
        #expect(
            ticks.details == [
                "1 reorder points, 0 low, 0 raised, 0 cleared", "1 reorder points, 1 low, 1 raised, 0 cleared",
                "1 reorder points, 1 low, 0 raised, 0 cleared", "1 reorder points, 0 low, 0 raised, 1 cleared",
                "1 reorder points, 1 low, 1 raised, 0 cleared",
            ]
        )
    }

    @Test("a warehouse that never held the SKU counts as 0 available, at or below any point", arguments: Engine.all)
    func neverStocked(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addWarehouse("HZ", priority: 2)
        try shop.addSKUs("MUG")
        try shop.stock("MUG", 8)
        let alerts = AlertService(database: shop.database)

        let level = try alerts.setReorderPoint(
            skuCode: "MUG",
            warehouseCode: "HZ",
            quantity: 0,
            companyID: shop.companyID,
            now: 1
        )
        try TickRunner(shop, LowStockJob(interval: 60)).run(1)

        #expect(level.available == 0)
        #expect(try alerts.alerts(companyID: shop.companyID).map(\.warehouseCode) == ["HZ"])
    }

    @Test(
        "a reorder point is refused for an unknown SKU or warehouse, a combo, or a bad quantity, and nothing is stored",
        arguments: Engine.all
    )
    func refusals(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("MUG")
        try shop.database.write { connection in
            var report = ImportReport(kind: "products", file: "test")
            let box = ProductDraft(
                row: 2,
                sku: SKU(code: "BOX", name: "礼盒", listPrice: Money(fen: 5000)),
                components: [ComboComponent(skuCode: "MUG", quantity: 2)]
            )
            try CatalogService().add([box], into: &report, companyID: shop.companyID, connection: connection)
        }
        let alerts = AlertService(database: shop.database)
        let cases: [(String, String, Int64, ReorderPointError)] = [
            ("NOPE", "MAIN", 5, ReorderPointError(code: .unknownSKU, value: "NOPE")),
            ("MUG", "NOPE", 5, ReorderPointError(code: .unknownWarehouse, value: "NOPE")),
            ("BOX", "MAIN", 5, ReorderPointError(code: .combo, value: "BOX")),
            ("MUG", "MAIN", -1, ReorderPointError(code: .badQuantity, value: "-1")),
            ("MUG", "MAIN", 10_000_001, ReorderPointError(code: .badQuantity, value: "10000001")),
        ]

        for (sku, warehouse, quantity, error) in cases {
            #expect(throws: error) {
                try alerts.setReorderPoint(
                    skuCode: sku,
                    warehouseCode: warehouse,
                    quantity: quantity,
                    companyID: shop.companyID,
                    now: 1
                )
            }
        }

        #expect(try alerts.reorderLevels(companyID: shop.companyID).isEmpty)
    }
}

/// Runs one job tick by tick through a scheduler whose clock reads the tick's start.
final class TickRunner {
    let scheduler: Scheduler
    let job: any ScheduledJob
    let companyID: Int64
    private let clock = HandClock(0)
    private(set) var details: [String] = []

    init(_ shop: TestShop, _ job: any ScheduledJob) {
        self.job = job
        companyID = shop.companyID
        scheduler = Scheduler(database: shop.database, jobs: [job], runner: "test:1", clock: clock.reading)
    }

    /// Runs tick `tick` at its first second, or at `time` when given.
    func run(_ tick: Int64, at time: Int64? = nil) throws {
        clock.now = time ?? tick * job.interval
        let report = try #require(try scheduler.run(job, companyID: companyID, tick: tick))
        #expect(report.outcome == .succeeded, "\(report.detail)")
        details.append(report.detail)
    }
}
