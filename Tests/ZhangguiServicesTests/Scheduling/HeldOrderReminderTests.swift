import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("An order on hold longer than the reminder's hours is reminded about once")
struct HeldOrderReminderTests {
    @Test(
        "held for an unmapped SKU: reminded at 24 hours, not before, not twice, and cleared when cancelled",
        arguments: Engine.all
    )
    func remindOnce(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("MUG")
        try shop.stock("MUG", 8)
        try shop.ingest([makeTrade("T1", lines: [("GHOST", 1, 1000)]), makeTrade("T2", lines: [("MUG", 1, 1000)])])
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        let held = try shop.tradeID("T1")
        let heldSince = try shop.database.read { try $0.queryOne("SELECT updated_at FROM trades WHERE id = ?", held) }
        let since = try #require(heldSince).int(0)
        let ticks = TickRunner(shop, HeldOrderReminderJob(hours: 24, interval: 3600))
        let alerts = AlertService(database: shop.database)

        try ticks.run(1, at: since + 24 * 3600 - 1)
        let early = try alerts.alerts(companyID: shop.companyID)
        try ticks.run(2, at: since + 24 * 3600)
        try ticks.run(3, at: since + 25 * 3600)
        let reminded = try alerts.alerts(companyID: shop.companyID)
        try shop.review.cancel(tradeID: held, companyID: shop.companyID)
        try ticks.run(4, at: since + 26 * 3600)

        #expect(early.isEmpty)
        #expect(reminded.map(\.tradeID) == [held])
        #expect(reminded.map(\.platformOrderID) == ["T1"])
        #expect(reminded.map(\.quantity) == [24])
        #expect(reminded.map(\.threshold) == [24])
        #expect(try alerts.alerts(companyID: shop.companyID).isEmpty)
        let every = try alerts.alerts(companyID: shop.companyID, includeCleared: true)
        #expect(every.map(\.clearedAt) == [since + 26 * 3600])
        #expect(
            ticks.details == [
                "1 on hold, 0 over 24 h, 0 raised, 0 cleared", "1 on hold, 1 over 24 h, 1 raised, 0 cleared",
                "1 on hold, 1 over 24 h, 0 raised, 0 cleared", "0 on hold, 0 over 24 h, 0 raised, 1 cleared",
            ]
        )
    }
}
