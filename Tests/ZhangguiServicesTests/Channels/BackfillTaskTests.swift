import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("a backfill runs as a background task whose progress is its windows")
struct BackfillTaskTests {
    private func runner(_ bed: SyncBed) -> BackgroundTaskRunner {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-tasks-\(UUID())")
        return BackgroundTaskRunner(database: bed.database, resultsDirectory: directory.path)
    }

    /// 1.5 hours before midnight up to midnight, read in half-hour windows: three windows.
    private let range = SyncWindow(startMillis: SyncBed.midnight - 5_400_000, endMillis: SyncBed.midnight)

    @Test("three half-hour windows end done, 3 of 3, with the two orders they hold stored", arguments: Engine.all)
    func done(engine: Engine) throws {
        let bed = try SyncBed(engine, maximumWindowMillis: 1_800_000)
        bed.channel.put(platformOrder("B1", modified: SyncBed.midnight - 5_000_000))
        bed.channel.put(platformOrder("B2", modified: SyncBed.midnight - 1_000))
        let runner = runner(bed)
        let backfill = BackfillTask(sync: bed.sync, companyID: bed.companyID, shopID: bed.shopID, range: range)
        let id = try runner.start(
            kind: BackfillTask.kind,
            companyID: bed.companyID,
            startedBy: nil,
            total: 0,
            work: backfill.run
        )
        runner.waitUntilIdle()
        let task = try #require(
            try bed.database.read { try BackgroundTaskRecords($0).task(id, companyID: bed.companyID) }
        )

        #expect(task.state == .done && task.kind == "shop.backfill")
        #expect(task.message == "shop=TB windows=3 new=2 changed=0")
        #expect(task.done == 3 && task.total == 3)
        #expect(try bed.trades().map(\.orderID).sorted() == ["B1", "B2"])
    }

    @Test("a platform that refuses the grant fails the task with the reason", arguments: Engine.all)
    func refused(engine: Engine) throws {
        let bed = try SyncBed(engine, maximumWindowMillis: 1_800_000)
        bed.channel.fail(with: .authorizationExpired(code: "27", message: "session expired"))
        let runner = runner(bed)
        let backfill = BackfillTask(sync: bed.sync, companyID: bed.companyID, shopID: bed.shopID, range: range)
        let id = try runner.start(
            kind: BackfillTask.kind,
            companyID: bed.companyID,
            startedBy: nil,
            total: 0,
            work: backfill.run
        )
        runner.waitUntilIdle()
        let task = try #require(
            try bed.database.read { try BackgroundTaskRecords($0).task(id, companyID: bed.companyID) }
        )

        #expect(task.state == .failed)
        #expect(task.message.hasPrefix("authorizationExpired after 0 windows: "))
        #expect(task.message.contains("session expired"))
        #expect(try bed.trades().isEmpty)
    }
}
