import Foundation
import Testing
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Scheduled jobs run once per tick and company, and every run is on record")
struct SchedulerTests {
    @Test("asked three times within one minute-long tick, a job runs once for each company", arguments: Engine.all)
    func oncePerTick(engine: Engine) throws {
        let shop = try TestShop(engine)
        let second = try shop.setup.createCompany(name: "第二家")
        let job = CountingJob(interval: 60)
        let clock = HandClock(600)
        let scheduler = Scheduler(database: shop.database, jobs: [job], runner: "test:1", clock: clock.reading)

        let first = try scheduler.runDue()
        clock.now = 659
        let again = try scheduler.runDue()
        clock.now = 660
        let next = try scheduler.runDue()

        // 600 s and 659 s are both in tick 10 (600 ÷ 60 = 10, 659 ÷ 60 = 10.98); 660 s begins tick 11.
        #expect(first.map(\.companyID) == [shop.companyID, second])
        #expect(first.map(\.tick) == [10, 10])
        #expect(again.isEmpty)
        #expect(next.map(\.tick) == [11, 11])
        #expect(job.runsPerTick == [10: 2, 11: 2])
        let runs = try shop.database.read { try JobRunRecords($0).runs(of: "counting", companyID: shop.companyID) }
        #expect(runs.map(\.tick) == [10, 11])
        #expect(runs.map(\.outcome) == [.succeeded, .succeeded])
        #expect(runs.map(\.detail) == ["tick 10 counted", "tick 11 counted"])
        #expect(runs.map(\.startedAt) == [600, 660])
        #expect(runs.map(\.finishedAt) == [600, 660])
        #expect(runs.allSatisfy { $0.runner == "test:1" && $0.intervalSeconds == 60 })
    }

    @Test("a job that throws is recorded as failed with its error, and the next tick runs again", arguments: Engine.all)
    func failure(engine: Engine) throws {
        let shop = try TestShop(engine)
        let job = CountingJob(interval: 60, failingTicks: [10])
        let clock = HandClock(600)
        let scheduler = Scheduler(database: shop.database, jobs: [job], runner: "test:1", clock: clock.reading)

        let failed = try scheduler.runDue()
        clock.now = 660
        let next = try scheduler.runDue()

        #expect(failed.map(\.outcome) == [.failed])
        #expect(failed.map(\.detail) == ["tick 10 failed on purpose"])
        #expect(next.map(\.outcome) == [.succeeded])
        let runs = try AlertService(database: shop.database).jobRuns(companyID: shop.companyID)
        #expect(runs.map(\.outcome) == [.succeeded, .failed])
        #expect(runs.map(\.detail) == ["tick 11 counted", "tick 10 failed on purpose"])
    }

    @Test(
        "a tick claimed by a process that stopped before finishing stays visible as unfinished and is not run again",
        arguments: Engine.all
    )
    func crashedRun(engine: Engine) throws {
        let shop = try TestShop(engine)
        let job = CountingJob(interval: 60)
        let scheduler = Scheduler(database: shop.database, jobs: [job], runner: "test:2", clock: { 630 })
        let crashed = try shop.database.write { connection in
            try JobRunRecords(connection).claim(
                job: "counting",
                tick: 10,
                intervalSeconds: 60,
                runner: "gone:1",
                companyID: shop.companyID,
                at: 601
            )
        }

        let reports = try scheduler.runDue()

        #expect(crashed != nil)
        #expect(reports.isEmpty)
        #expect(job.runsPerTick.isEmpty)
        let unfinished = try AlertService(database: shop.database)
            .jobRuns(companyID: shop.companyID, unfinishedOnly: true)
        #expect(unfinished.map(\.runner) == ["gone:1"])
        #expect(unfinished.map(\.outcome) == [.running])
        #expect(unfinished.map(\.finishedAt) == [nil])
        #expect(unfinished.map(\.startedAt) == [601])
    }

    @Test(
        "two schedulers on their own connections to one database, eight ticks: each tick ran exactly once",
        arguments: Engine.all
    )
    func twoSchedulers(engine: Engine) throws {
        let shop = try TestShop(engine)
        let other = try shop.database.location.open()
        let job = CountingJob(interval: 60)
        let clock = HandClock(0)
        let schedulers = [
            Scheduler(database: shop.database, jobs: [job], runner: "first:1", clock: clock.reading),
            Scheduler(database: other, jobs: [job], runner: "second:2", clock: clock.reading),
        ]
        let reports = ReportBox()

        for tick in Int64(1)...8 {
            clock.now = tick * 60 + 30
            // Both schedulers claim the same tick at the same moment, each on its own thread and connection.
            DispatchQueue.concurrentPerform(iterations: schedulers.count) { index in
                reports.add(Result { try schedulers[index].runDue() })
            }
        }

        let done = try reports.all.flatMap { try $0.get() }
        #expect(done.map(\.tick).sorted() == Array(1...8))
        #expect(job.runsPerTick == Dictionary(uniqueKeysWithValues: (Int64(1)...8).map { ($0, 1) }))
        let runs = try shop.database.read { try JobRunRecords($0).runs(of: "counting", companyID: shop.companyID) }
        #expect(runs.map(\.tick) == Array(1...8))
        #expect(runs.allSatisfy { $0.outcome == .succeeded })
        #expect(Set(runs.map(\.runner)).isSubset(of: ["first:1", "second:2"]))
    }
}

/// Results gathered from several threads.
final class ReportBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<[JobRunReport], any Error>] = []

    func add(_ result: Result<[JobRunReport], any Error>) {
        lock.withLock { results.append(result) }
    }

    var all: [Result<[JobRunReport], any Error>] {
        lock.withLock { results }
    }
}
