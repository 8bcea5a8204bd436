import Foundation
import Testing
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("long work runs as a background task whose state, progress and result are recorded")
struct BackgroundTaskRunnerTests {
    static let now: Int64 = 1_700_000_000

    private func runner(_ shop: TestShop) -> BackgroundTaskRunner {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-tasks-\(UUID())")
        return BackgroundTaskRunner(database: shop.database, resultsDirectory: directory.path) { Self.now }
    }

    private func task(_ shop: TestShop, _ id: Int64) throws -> BackgroundTask? {
        try shop.database.read { try BackgroundTaskRecords($0).task(id, companyID: shop.companyID) }
    }

    @Test("a task reports 1 of 3 while running, then ends done with its message and result file", arguments: Engine.all)
    func done(engine: Engine) throws {
        let shop = try TestShop(engine)
        let runner = runner(shop)
        let database = shop.database
        let companyID = shop.companyID
        let id = try runner.start(kind: "labels.print", companyID: companyID, startedBy: nil, total: 3) { progress in
            try progress.report(done: 1, total: 3)
            let seen = try database.read { try BackgroundTaskRecords($0).task(progress.taskID, companyID: companyID) }
            guard seen?.state == .running, seen?.done == 1 else { throw BackgroundTaskRunner.Failure("not seen") }
            return .init(message: "3 labels", result: [37, 80, 68, 70], resultExtension: "pdf")
        }
        runner.waitUntilIdle()
        let ended = try #require(try task(shop, id))
        let reference = try #require(ended.resultReference)

        #expect(ended.state == .done && ended.message == "3 labels")
        #expect(ended.done == 3 && ended.total == 3)
        #expect(ended.startedAt == Self.now && ended.finishedAt == Self.now)
        #expect(reference.hasSuffix(".pdf"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: runner.resultPath(reference))) == Data([37, 80, 68, 70]))
    }

    @Test("work that fails leaves the task failed with its message and no result", arguments: Engine.all)
    func failed(engine: Engine) throws {
        let shop = try TestShop(engine)
        let runner = runner(shop)
        let id = try runner.start(kind: "import.orders", companyID: shop.companyID, startedBy: nil, total: 1) { _ in
            throw BackgroundTaskRunner.Failure("orders.csv cannot be read")
        }
        runner.waitUntilIdle()
        let ended = try #require(try task(shop, id))

        #expect(ended.state == .failed && ended.message == "orders.csv cannot be read")
        #expect(ended.resultReference == nil && ended.done == 0)
    }

    @Test(
        "a server that starts marks interrupted the unfinished tasks of dead processes of its host only",
        arguments: Engine.all
    )
    func interrupted(engine: Engine) throws {
        let shop = try TestShop(engine)
        let companyID = shop.companyID
        let host = ProcessInfo.processInfo.hostName
        // No runner; a pid no process can have; a task that ended; another host's; this host's init process.
        let runners = ["", "\(host) 2147483647", "", "other-host.example 1234", "\(host) 1"]
        let ids = try shop.database.write { connection -> [Int64] in
            let records = BackgroundTaskRecords(connection)
            let ids = try runners.map {
                try records.insert(
                    companyID: companyID,
                    kind: "import.orders",
                    total: 1,
                    startedBy: nil,
                    runner: $0,
                    at: Self.now
                )
            }
            for id in ids.dropFirst() { try records.move(id, to: .running, at: Self.now) }
            try records.move(ids[2], to: .done, message: "ok", at: Self.now)
            return ids
        }
        let marked = try runner(shop).interruptUnfinished()
        let states = try ids.map { try task(shop, $0)?.state }
        let movedBack = try shop.database.write { try BackgroundTaskRecords($0).move(ids[2], to: .running, at: 0) }

        #expect(marked == 2)
        #expect(states == [.interrupted, .interrupted, .done, .running, .running])
        #expect(!movedBack)
    }

    @Test("a task goes queued → running → done, failed or interrupted, and never leaves an ended state")
    func transitions() {
        #expect(BackgroundTaskState.queued.next == [.running, .interrupted])
        #expect(BackgroundTaskState.running.next == [.done, .failed, .interrupted])
        #expect(BackgroundTaskState.allCases.filter(\.isFinal) == [.done, .failed, .interrupted])
    }
}
