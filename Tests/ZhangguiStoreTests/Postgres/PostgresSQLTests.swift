import Testing

@testable import ZhangguiStore

@Suite("Placeholders are numbered for PostgreSQL, and only outside quoted text")
struct PostgresSQLTests {
    @Test(
        "each ? becomes $1…$n left to right",
        arguments: [
            ("SELECT 1", "SELECT 1", 0),
            ("SELECT id FROM t WHERE a = ? AND b = ?", "SELECT id FROM t WHERE a = $1 AND b = $2", 2),
            ("INSERT INTO t VALUES (?,?,?)", "INSERT INTO t VALUES ($1,$2,$3)", 3),
            ("UPDATE t SET n = n + ? WHERE x = '?' AND y = ?", "UPDATE t SET n = n + $1 WHERE x = '?' AND y = $2", 2),
        ]
    )
    func numbering(sql: String, expected: String, count: Int) {
        let translated = PostgresSQL(translating: sql)
        #expect(translated.text == expected)
        #expect(translated.parameterCount == count)
    }

    @Test(
        "a ? inside literals, identifiers, comments and dollar quotes stays a question mark",
        arguments: [
            "SELECT 'it''s ?' FROM t",
            "SELECT \"odd ? name\" FROM t",
            "SELECT 1 -- why?\n",
            "SELECT 1 /* outer /* inner ? */ still ? */",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT '?'::int $$",
            "SELECT $body$ ? $body$",
            "SELECT '名?' || '字'",
        ]
    )
    func quotedQuestionMarks(sql: String) {
        let translated = PostgresSQL(translating: sql)
        #expect(translated.text == sql)
        #expect(translated.parameterCount == 0)
    }

    @Test("placeholders after quoted text, a dollar-numbered parameter and a name with $ keep counting")
    func mixed() {
        let translated = PostgresSQL(translating: "SELECT a$b, 'x' || ? FROM t WHERE c = $$?$$ AND d = ?")
        #expect(translated.text == "SELECT a$b, 'x' || $1 FROM t WHERE c = $$?$$ AND d = $2")
        #expect(translated.parameterCount == 2)
    }

    @Test("an unterminated literal swallows the rest rather than numbering inside it")
    func unterminated() {
        let translated = PostgresSQL(translating: "SELECT ? WHERE x = 'oops ?")
        #expect(translated.text == "SELECT $1 WHERE x = 'oops ?")
        #expect(translated.parameterCount == 1)
    }
}
