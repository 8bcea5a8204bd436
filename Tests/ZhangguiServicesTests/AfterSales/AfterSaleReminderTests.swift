import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("An after-sales case untouched for seven days reminds customer service once")
struct AfterSaleReminderTests {
    @Test("reminded at 7 days, not before, not twice, and cleared when the case moves", arguments: Engine.all)
    func remindOnce(engine: Engine) throws {
        let bed = try AfterSaleBed(engine)
        let opened = try bed.open(.refundOnly, "A", units: 1)
        let since = opened.updatedAt
        let ticks = TickRunner(bed.shop, AfterSaleReminderJob())
        let alerts = AlertService(database: bed.shop.database)
        let day: Int64 = 86_400

        try ticks.run(1, at: since + 7 * day - 1)
        let early = try alerts.alerts(companyID: bed.shop.companyID, kind: .afterSaleIdle)
        try ticks.run(2, at: since + 7 * day)
        try ticks.run(3, at: since + 8 * day)
        let reminded = try alerts.alerts(companyID: bed.shop.companyID, kind: .afterSaleIdle)
        let moved = try #require(try bed.perform([.agree], on: opened.id))
        try ticks.run(4, at: moved.updatedAt + 60)

        #expect(early.isEmpty)
        #expect(reminded.map(\.tradeID) == [bed.tradeID])
        #expect(reminded.map(\.quantity) == [7])
        #expect(reminded.map(\.detail) == ["售后单 \(opened.id) 仅退款 待处理"])
        #expect(try alerts.alerts(companyID: bed.shop.companyID, kind: .afterSaleIdle).isEmpty)
        #expect(
            ticks.details == [
                "0 untouched for 7 d or more, 0 raised, 0 cleared", "1 untouched for 7 d or more, 1 raised, 0 cleared",
                "1 untouched for 7 d or more, 0 raised, 0 cleared", "0 untouched for 7 d or more, 0 raised, 1 cleared",
            ]
        )
    }
}
