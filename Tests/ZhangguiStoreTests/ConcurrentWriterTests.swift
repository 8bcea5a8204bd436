import Testing
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Writers in different processes never lose each other's work")
struct ConcurrentWriterTests {
    @Test(
        "40 read-then-write increments from two processes on one counter end at exactly 40",
        arguments: Engine.all
    )
    func noLostUpdates(engine: Engine) async throws {
        let database = try engine.makeDatabase()
        try database.write { connection in
            try connection.execute("CREATE TABLE counters (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)")
            try connection.execute("INSERT INTO counters (id, n) VALUES (1, 0)")
        }
        let processes: [any Database] = [database, try database.location.open()]

        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    try processes[index % 2].write { connection in
                        let value = try connection.queryOne("SELECT n FROM counters WHERE id = 1")?.int(0) ?? 0
                        try connection.execute("UPDATE counters SET n = ? WHERE id = 1", value + 1)
                    }
                }
            }
            try await group.waitForAll()
        }

        #expect(try database.read { try $0.queryOne("SELECT n FROM counters WHERE id = 1")?.int(0) } == 40)
    }
}
