import Foundation
import Testing
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("The scheduler's thread runs what is due at once and stops when the server does")
struct SchedulerLoopTests {
    @Test(
        "started in tick 10, the loop runs tick 10 for the company at once, and stop returns promptly",
        arguments: Engine.all
    )
    func runsAndStops(engine: Engine) throws {
        let shop = try TestShop(engine)
        let job = CountingJob(interval: 3600)
        let scheduler = Scheduler(database: shop.database, jobs: [job], runner: "test:1", clock: { 36_000 })
        let reports = ReportBox()
        let ran = DispatchSemaphore(value: 0)

        let loop = SchedulerLoop(scheduler) { report in
            reports.add(.success([report]))
            ran.signal()
        } onError: { error in
            reports.add(.failure(error))
            ran.signal()
        }
        let waited = ran.wait(timeout: .now() + 30)
        let stopping = ContinuousClock.now
        loop.stop()
        let stopTook = stopping.duration(to: .now)

        #expect(waited == .success)
        #expect(try reports.all.flatMap { try $0.get() }.map(\.tick) == [10])
        #expect(job.runsPerTick == [10: 1])
        // The loop was waiting for tick 11, an hour away by its clock; stop wakes it.
        #expect(stopTook < .seconds(5))
    }
}
