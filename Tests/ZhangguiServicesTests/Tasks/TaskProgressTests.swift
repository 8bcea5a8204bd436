import Dispatch
import Foundation
import Testing
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("a running task's progress is seen while its work holds the database's writer")
struct TaskProgressTests {
    @Test(
        "progress told inside a write transaction is seen at once, without waiting for the transaction",
        arguments: Engine.all
    )
    func insideTheTransaction(engine: Engine) throws {
        let shop = try TestShop(engine)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-tasks-\(UUID())")
        let runner = BackgroundTaskRunner(database: shop.database, resultsDirectory: directory.path)
        let database = shop.database
        let reached = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let id = try runner.start(kind: "import.products", companyID: shop.companyID, startedBy: nil, total: 1) {
            progress in
            try database.write { _ in
                progress.advance("writing", done: 2, total: 5)
                reached.signal()
                proceed.wait()
            }
            return .init(message: "ok")
        }
        reached.wait()
        let seen = runner.liveProgress(of: id)
        let row = try database.read { try BackgroundTaskRecords($0).task(id, companyID: shop.companyID) }
        proceed.signal()
        runner.waitUntilIdle()
        let ended = try database.read { try BackgroundTaskRecords($0).task(id, companyID: shop.companyID) }

        #expect(seen == TaskProgress(phase: "writing", done: 2, total: 5))
        #expect(row?.state == .running && row?.done == 0 && row?.total == 1)
        #expect(runner.liveProgress(of: id) == nil)
        #expect(ended?.state == .done && ended?.done == 1 && ended?.total == 1)
    }

    @Test("figures outside 0…total are held to it")
    func bounded() {
        #expect(TaskProgress(phase: "writing", done: 7, total: 5) == TaskProgress(phase: "writing", done: 5, total: 5))
        #expect(TaskProgress(phase: "", done: -1, total: -3) == TaskProgress(phase: "", done: 0, total: 0))
    }
}
