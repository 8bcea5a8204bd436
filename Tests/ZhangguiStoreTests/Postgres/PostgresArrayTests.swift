import Testing
import ZhangguiTestSupport

@testable import ZhangguiStore

@Suite("Lists travel to PostgreSQL as one array argument and arrive unchanged")
struct PostgresArrayTests {
    @Test("integers and texts are written as array literals")
    func literals() {
        #expect(PostgresArray.literal([Int64]()) == "{}")
        #expect(PostgresArray.literal([1, -2, 30] as [Int64]) == "{1,-2,30}")
        #expect(PostgresArray.literal(["SF1", nil, #"a"b\c"#]) == #"{"SF1",NULL,"a\"b\\c"}"#)
    }

    @Test("texts with quotes, backslashes, commas, braces, spaces and Chinese come back as they went")
    func roundTrip() throws {
        let texts: [String?] = [
            "SF000000000001", nil, #"say "hi""#, #"C:\path"#, "a,b", "{x}", " 杭州 中转 ", "", "NULL",
        ]
        let database = try Engine.postgres.makeDatabase()
        let rows = try database.read { connection in
            try connection.query(
                "SELECT n, t FROM unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[])) WITH ORDINALITY AS u(n, t, k) "
                    + "ORDER BY k",
                PostgresArray.literal((1...Int64(texts.count)).map { $0 }),
                PostgresArray.literal(texts)
            )
        }
        #expect(rows.map { $0.int(0) } == (1...Int64(texts.count)).map { $0 })
        #expect(rows.map { $0.optionalString(1) } == texts)
    }
}
