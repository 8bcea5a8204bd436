import Testing

@testable import ZhangguiStore

@Suite("Values cross to PostgreSQL as text and come back by column type")
struct PostgresValuesTests {
    @Test(
        "parameters are written as the text PostgreSQL reads",
        arguments: [
            (SQLValue.integer(-42), "-42"),
            (SQLValue.integer(Int64.max), "9223372036854775807"),
            (SQLValue.real(0.5), "0.5"),
            (SQLValue.text("示例"), "示例"),
            (true.sqlValue, "1"),
            (false.sqlValue, "0"),
        ]
    )
    func parameters(value: SQLValue, text: String) throws {
        #expect(try PostgresValues.parameter(value) == text)
    }

    @Test("NULL is no text at all, and text with a NUL character is refused")
    func nullAndNUL() throws {
        #expect(try PostgresValues.parameter(.null) == nil)
        #expect(throws: DatabaseError.self) { try PostgresValues.parameter(.text("a\u{0}b")) }
    }

    @Test(
        "columns are read by type: integers, booleans, reals, whole numerics and text",
        arguments: [
            ("20", UInt32(20), SQLValue.integer(20)),
            ("-7", UInt32(23), SQLValue.integer(-7)),
            ("3", UInt32(21), SQLValue.integer(3)),
            ("t", UInt32(16), SQLValue.integer(1)),
            ("f", UInt32(16), SQLValue.integer(0)),
            ("1.25", UInt32(701), SQLValue.real(1.25)),
            ("2.5", UInt32(700), SQLValue.real(2.5)),
            ("123456789012", UInt32(1700), SQLValue.integer(123_456_789_012)),
            ("0.125", UInt32(1700), SQLValue.real(0.125)),
            ("ZG000001", UInt32(25), SQLValue.text("ZG000001")),
            ("上海", UInt32(1043), SQLValue.text("上海")),
        ]
    )
    func columns(text: String, type: UInt32, expected: SQLValue) {
        let bytes = Array(text.utf8)
        let value = bytes.withUnsafeBufferPointer { PostgresValues.column($0, type: type) }
        #expect(value == expected)
    }
}
