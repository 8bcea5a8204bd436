import Testing
import ZhangguiChannels

@Suite("JSON as the platforms send and sign it")
struct JSONValueTests {
    @Test("numbers keep their exact text")
    func exactNumbers() throws {
        let value = try JSONValue.parse(#"{"pay": 0.10, "id": 123456789012345678901, "n": -3e2}"#)
        #expect(value["pay"] == .number("0.10"))
        #expect(value["id"]?.text == "123456789012345678901")
        #expect(value["n"] == .number("-3e2"))
    }

    @Test("escapes and non-BMP characters are read")
    func escapes() throws {
        let value = try JSONValue.parse(#"["a\"b\\c\/d\n", "\u6d4b\u8bd5", "\ud83d\ude00", "示例"]"#)
        #expect(value == .array([.string("a\"b\\c/d\n"), .string("测试"), .string("😀"), .string("示例")]))
    }

    @Test("serialising sorts keys at every depth and escapes only what JSON requires")
    func serialization() {
        let value = JSONValue.object([
            "b": .array([.object(["z": .int(1), "a": .bool(true)]), .null]),
            "a": .string("<示例>&\"\u{01}\u{2028}"),
        ])
        #expect(value.serialized() == #"{"a":"<示例>&\"\u0001\u2028","b":[{"a":true,"z":1},null]}"#)
    }

    @Test("a parsed document serialises back to the same value")
    func roundTrip() throws {
        let text = #"{"a":[1,2.50,{"c":"d"}],"b":false,"e":null}"#
        #expect(try JSONValue.parse(text).serialized() == text)
    }

    @Test(
        "broken documents are refused with an offset",
        arguments: ["", "{", #"{"a" 1}"#, "[1,]", "01", "tru", #""abc"#, "1 2", #"{"a":"\x"}"#, #""\ud800""#]
    )
    func refusesBrokenDocuments(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test("whole numbers are read from numbers and decimal strings")
    func int64() {
        #expect(JSONValue.number("42").int64 == 42)
        #expect(JSONValue.string("1700000000").int64 == 1_700_000_000)
        #expect(JSONValue.number("3.00").int64 == 3)
        #expect(JSONValue.number("3.5").int64 == nil)
        #expect(JSONValue.string("x").int64 == nil)
    }
}
