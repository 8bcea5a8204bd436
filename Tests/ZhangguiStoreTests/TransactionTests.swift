import Testing
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Transactions behave the same on every engine")
struct TransactionTests {
    private func database(_ engine: Engine) throws -> TestDatabase {
        let database = try engine.makeDatabase()
        try database.write { connection in
            try connection.execute(
                "CREATE TABLE boxes (code TEXT PRIMARY KEY, units BIGINT NOT NULL CHECK (units >= 0))"
            )
        }
        return database
    }

    private func units(_ database: TestDatabase) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        try database.read { connection in
            try connection.forEach("SELECT code, units FROM boxes", []) { result[$0.string(0)] = $0.int(1) }
        }
        return result
    }

    @Test("a write that throws leaves nothing behind", arguments: Engine.all)
    func rollback(engine: Engine) throws {
        let database = try database(engine)
        struct Refused: Error {}

        #expect(throws: Refused.self) {
            try database.write { connection in
                try connection.execute("INSERT INTO boxes (code, units) VALUES (?, ?)", "A", 1)
                throw Refused()
            }
        }

        #expect(try units(database) == [:])
    }

    @Test("a savepoint that fails undoes only its own changes", arguments: Engine.all)
    func savepoint(engine: Engine) throws {
        let database = try database(engine)

        try database.write { connection in
            try connection.execute("INSERT INTO boxes (code, units) VALUES (?, ?)", "A", 1)
            _ = try? connection.savepoint {
                try connection.execute("INSERT INTO boxes (code, units) VALUES (?, ?)", "B", 2)
                try connection.execute("INSERT INTO boxes (code, units) VALUES (?, ?)", "A", 3)
            }
            try connection.execute("INSERT INTO boxes (code, units) VALUES (?, ?)", "C", 4)
        }

        #expect(try units(database) == ["A": 1, "C": 4])
    }

    @Test("nested savepoints undo only the one that failed, also when it ran no statement", arguments: Engine.all)
    func nestedSavepoints(engine: Engine) throws {
        let database = try database(engine)
        struct Refused: Error {}

        try database.write { connection in
            try connection.savepoint {
                try connection.execute("INSERT INTO boxes (code, units) VALUES (?, ?)", "A", 1)
                try connection.savepoint {}
                _ = try? connection.savepoint {
                    try connection.execute("INSERT INTO boxes (code, units) VALUES (?, ?)", "B", 2)
                    throw Refused()
                }
                _ = try? connection.savepoint { throw Refused() }
                try connection.savepoint {
                    _ = try connection.execute("INSERT INTO boxes (code, units) VALUES (?, ?)", "C", 3)
                }
            }
        }

        #expect(try units(database) == ["A": 1, "C": 3])
    }

    @Test("after a refused statement in recoverable, the transaction reads and writes on", arguments: Engine.all)
    func recoverable(engine: Engine) throws {
        let database = try database(engine)

        let kind = try database.write { connection -> DatabaseError.Kind? in
            try connection.execute("INSERT INTO boxes (code, units) VALUES (?, ?)", "A", 1)
            do {
                try connection.recoverable { try connection.execute("UPDATE boxes SET units = units - 5") }
                return nil
            } catch let error as DatabaseError {
                try connection.execute("UPDATE boxes SET units = units + 1")
                return error.kind
            }
        }

        #expect(kind == .checkViolation)
        #expect(try units(database) == ["A": 2])
    }

    @Test("values come back as the types they went in", arguments: Engine.all)
    func roundTrip(engine: Engine) throws {
        let database = try engine.makeDatabase()
        let row = try database.write { connection in
            try connection.execute(
                "CREATE TABLE samples (i BIGINT, r DOUBLE PRECISION, t TEXT, b INTEGER, n TEXT, s BIGINT)"
            )
            try connection.execute(
                "INSERT INTO samples (i, r, t, b, n, s) VALUES (?, ?, ?, ?, ?, ?)",
                Int64.min,
                0.25,
                "上海市黄浦区 'quoted' ?",
                true,
                String?.none,
                Int64(4_000_000_000_000_000)
            )
            return try connection.queryOne("SELECT i, r, t, b, n, SUM(s) + SUM(s) FROM samples GROUP BY i, r, t, b, n")
        }

        #expect(
            row?.values == [
                .integer(Int64.min), .real(0.25), .text("上海市黄浦区 'quoted' ?"), .integer(1), .null,
                .integer(8_000_000_000_000_000),
            ]
        )
    }

    @Test("a read transaction refuses to write", arguments: Engine.all)
    func readOnly(engine: Engine) throws {
        let database = try database(engine)

        #expect(throws: DatabaseError.self) {
            try database.read { try $0.execute("INSERT INTO boxes (code, units) VALUES (?, ?)", "A", 1) }
        }
    }

    @Test("a statement given the wrong number of arguments is refused", arguments: Engine.all)
    func argumentCount(engine: Engine) throws {
        let database = try database(engine)

        #expect(throws: DatabaseError.self) {
            try database.write { try $0.execute("INSERT INTO boxes (code, units) VALUES (?, ?)", "A") }
        }
    }
}
