import Testing
import ZhangguiCore
import ZhangguiSecurity
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Shop sync as a scheduled job")
struct ShopSyncJobTests {
    @Test("an order paid before a tick is pending review after it, once, and the run says so", arguments: Engine.all)
    func paidOrderArrivesOnTheNextTick(engine: Engine) throws {
        let bed = try SyncBed(engine)
        let clock = bed.clock
        let job = ShopSyncJob(
            channels: ScriptedChannels(channel: bed.channel),
            box: bed.box,
            nowMillis: { clock.millis }
        )
        let seconds = HandClock(SyncBed.midnight / 1000)
        let scheduler = Scheduler(database: bed.database, jobs: [job], runner: "test:1", clock: seconds.reading)
        bed.channel.put(platformOrder("T1", modified: SyncBed.midnight - 30_000))

        let first = try scheduler.runDue()
        seconds.now += 60
        bed.clock.millis += 60_000
        let second = try scheduler.runDue()

        #expect(job.name == "shopSync")
        #expect(job.interval == 60)
        // 1,796,428,800 s ÷ 60 = 29,940,480: the first tick; a minute later the next.
        #expect(first.map(\.tick) == [29_940_480])
        #expect(first.map(\.detail) == ["1 shop: 1 orders new, 0 changed, 0 refunds"])
        #expect(second.map(\.detail) == ["1 shop: 0 orders new, 0 changed, 0 refunds"])
        #expect(try bed.trades().map(\.orderID) == ["T1"])
        #expect(try bed.trades().map(\.state) == [.pendingReview])
    }

    @Test("without the key, a company with shops fails its runs and says how to give the key", arguments: Engine.all)
    func missingKey(engine: Engine) throws {
        let bed = try SyncBed(engine)
        let job = ShopSyncJob(channels: ScriptedChannels(channel: bed.channel), box: nil)
        let scheduler = Scheduler(database: bed.database, jobs: [job], runner: "test:1", clock: HandClock(600).reading)

        let reports = try scheduler.runDue()

        #expect(reports.map(\.outcome) == [.failed])
        #expect(reports.first?.detail == SecretKeyError(code: .missing).description)
        #expect(try bed.trades().isEmpty)
    }

    @Test("without the key, a company whose only shop is paused runs a pass over none", arguments: Engine.all)
    func pausedShopNeedsNoKey(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.database.write {
            try ShopConnectionRecords($0)
                .setStatus(.paused, from: .active, shopID: bed.shopID, companyID: bed.companyID)
        }
        let job = ShopSyncJob(channels: ScriptedChannels(channel: bed.channel), box: nil)
        let scheduler = Scheduler(database: bed.database, jobs: [job], runner: "test:1", clock: HandClock(600).reading)

        let reports = try scheduler.runDue()

        #expect(reports.map(\.outcome) == [.succeeded])
        #expect(reports.map(\.detail) == ["0 shops"])
    }

    @Test("without the key, a company with no shops runs a pass over none", arguments: Engine.all)
    func noShops(engine: Engine) throws {
        let shop = try TestShop(engine)
        let job = ShopSyncJob(channels: ScriptedChannels(channel: ScriptedChannel()), box: nil)
        let scheduler = Scheduler(database: shop.database, jobs: [job], runner: "test:1", clock: HandClock(600).reading)

        let reports = try scheduler.runDue()

        #expect(reports.map(\.outcome) == [.succeeded])
        #expect(reports.map(\.detail) == ["0 shops"])
    }
}
