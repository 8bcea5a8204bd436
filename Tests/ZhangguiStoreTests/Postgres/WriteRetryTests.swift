import Foundation
import Synchronization
import Testing
import ZhangguiStore
import ZhangguiTestSupport

@Suite("PostgreSQL runs a writer that lost a conflict again, a bounded number of times")
struct WriteRetryTests {
    @Test(
        "a writer that loses every time is run six times in all, then reported as busy",
        arguments: ["40001", "40P01"]
    )
    func givesUp(sqlState: String) throws {
        let database = try Engine.postgres.makeDatabase()
        let attempts = Mutex(0)

        let error = #expect(throws: DatabaseError.self) {
            try database.write { _ in
                attempts.withLock { $0 += 1 }
                throw DatabaseError(kind: .busy, engineCode: sqlState, message: "lost a conflict")
            }
        }

        #expect(attempts.withLock { $0 } == 6)
        #expect(error?.kind == .busy)
        #expect(error?.engineCode == sqlState)
        #expect(error?.message == "lost a conflict (gave up after 6 attempts)")
    }

    @Test("a real serialization failure (another process changed the row read) is retried and both changes stay")
    func serializationFailure() throws {
        let database = try Engine.postgres.makeDatabase()
        try database.write { connection in
            try connection.execute("CREATE TABLE counters (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)")
            try connection.execute("INSERT INTO counters (id, n) VALUES (1, 0)")
        }
        let otherProcess = try database.location.open()
        let attempts = Mutex(0)

        try database.write { connection in
            let attempt = attempts.withLock {
                $0 += 1
                return $0
            }
            let value = try connection.queryOne("SELECT n FROM counters WHERE id = 1")?.int(0) ?? 0
            if attempt == 1 {
                try otherProcess.write { try $0.execute("UPDATE counters SET n = n + 100 WHERE id = 1") }
            }
            try connection.execute("UPDATE counters SET n = ? WHERE id = 1", value + 1)
        }

        #expect(attempts.withLock { $0 } == 2)
        #expect(try database.read { try $0.queryOne("SELECT n FROM counters WHERE id = 1")?.int(0) } == 101)
    }

    @Test("a real deadlock between two processes is broken, the loser runs again, and both changes stay")
    func deadlock() throws {
        let database = try Engine.postgres.makeDatabase()
        try database.write { connection in
            try connection.execute("CREATE TABLE counters (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)")
            try connection.execute("INSERT INTO counters (id, n) VALUES (1, 0), (2, 0)")
        }
        let otherProcess = try database.location.open()
        let attempts = Mutex(0)
        let holdsRowTwo = DispatchSemaphore(value: 0)
        let otherDone = DispatchSemaphore(value: 0)

        try database.write { connection in
            let attempt = attempts.withLock {
                $0 += 1
                return $0
            }
            try connection.execute("UPDATE counters SET n = n + 1 WHERE id = 1")
            if attempt == 1 {
                Thread.detachNewThread {
                    _ = try? otherProcess.write { other in
                        attempts.withLock { $0 += 1 }
                        try other.execute("UPDATE counters SET n = n + 10 WHERE id = 2")
                        holdsRowTwo.signal()
                        try other.execute("UPDATE counters SET n = n + 10 WHERE id = 1")
                    }
                    otherDone.signal()
                }
                holdsRowTwo.wait()
            }
            try connection.execute("UPDATE counters SET n = n + 1 WHERE id = 2")
        }
        otherDone.wait()

        // Three attempts at least: each writer's first, and the deadlock's loser once more.
        #expect(attempts.withLock { $0 } >= 3)
        let rows = try database.read { try $0.query("SELECT n FROM counters ORDER BY id").map { $0.int(0) } }
        #expect(rows == [11, 11])
    }
}
