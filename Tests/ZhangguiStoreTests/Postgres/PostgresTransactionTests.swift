import Testing
import ZhangguiStore
import ZhangguiTestSupport

@Suite("PostgreSQL transactions never pretend to have committed")
struct PostgresTransactionTests {
    @Test("a write whose statement failed, even when the body ignored it, throws and keeps nothing")
    func ignoredFailure() throws {
        let database = try Engine.postgres.makeDatabase()
        try database.write { try $0.execute("CREATE TABLE boxes (code TEXT PRIMARY KEY)") }

        #expect(throws: DatabaseError.self) {
            try database.write { connection in
                try connection.execute("INSERT INTO boxes (code) VALUES (?)", "A")
                _ = try? connection.execute("INSERT INTO boxes (code) VALUES (?)", "A")
            }
        }

        #expect(try database.read { try $0.queryOne("SELECT COUNT(*) FROM boxes")?.int(0) } == 0)
    }
}

@Suite("PostgreSQL connections the server dropped are replaced")
struct PostgresReconnectTests {
    @Test("after the server ends every idle connection, the next reads and writes still succeed")
    func droppedIdleConnections() throws {
        let database = try Engine.postgres.makeDatabase()
        try database.write { try $0.execute("CREATE TABLE boxes (code TEXT PRIMARY KEY)") }
        let admin = try database.location.open()

        try admin.read { connection in
            _ = try connection.query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        }

        try database.write { try $0.execute("INSERT INTO boxes (code) VALUES (?)", "A") }
        #expect(try database.read { try $0.queryOne("SELECT COUNT(*) FROM boxes")?.int(0) } == 1)
    }
}
