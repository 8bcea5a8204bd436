import Foundation
import Testing
import ZhangguiStore

@testable import ZhangguiHTTP

@Suite("answers are compact JSON with sorted keys, and stored text can never become markup")
struct JSONWriterTests {
    private struct Line: Encodable {
        let sku: String
        let quantity: Int64
    }

    private struct Order: Encodable {
        let platformOrderID: String
        let paidFen: Int64
        let isHighPriority: Bool
        let waybill: String?
        let lines: [Line]
        let id: Int
    }

    private func text(_ value: some Encodable) throws -> String {
        String(decoding: try JSONWriter.encode(value), as: UTF8.self)
    }

    @Test("keys come in sorted order at every level and an absent optional is left out")
    func sortsKeys() throws {
        let order = Order(
            platformOrderID: "A1",
            paidFen: -2590,
            isHighPriority: true,
            waybill: nil,
            lines: [Line(sku: "MUG", quantity: 2)],
            id: 7
        )

        #expect(
            try text(order)
                == #"{"id":7,"isHighPriority":true,"lines":[{"quantity":2,"sku":"MUG"}],"# + #""paidFen":-2590,"#
                + #""platformOrderID":"A1"}"#
        )
    }

    @Test(
        "quotes, backslashes, control characters and markup characters are escaped; other text is kept as is",
        arguments: [
            ("say \"hi\"", #""say \"hi\"""#),
            (#"C:\tmp"#, #""C:\\tmp""#),
            ("a\nb\tc\r\u{8}\u{C}", #""a\nb\tc\r\b\f""#),
            ("\u{0}\u{1F}", #""\u0000\u001f""#),
            ("<script>alert(1)</script>", #""\u003cscript\u003ealert(1)\u003c/script\u003e""#),
            ("A&B", #""A\u0026B""#),
            ("示例/路 ✓", #""示例/路 ✓""#),
        ]
    )
    func escapes(input: String, expected: String) throws {
        #expect(try text([input]) == "[\(expected)]")
    }

    @Test("whole numbers are written exactly at both ends of 64 bits")
    func numbers() throws {
        #expect(
            try text([Int64.min, -1, 0, 9, 10, Int64.max]) == "[-9223372036854775808,-1,0,9,10,9223372036854775807]"
        )
        #expect(try text([UInt64.max]) == "[18446744073709551615]")
    }

    @Test("a number that is not finite is refused")
    func refusesInfinity() {
        #expect(throws: EncodingError.self) { try JSONWriter.encode([Double.infinity]) }
    }

    @Test("for plain text the bytes equal JSONEncoder's with sorted keys, as the API always wrote them")
    func matchesFoundation() throws {
        let order = Order(
            platformOrderID: "536365",
            paidFen: 13_950,
            isHighPriority: false,
            waybill: "ZG0000001",
            lines: [Line(sku: "85123A", quantity: 6), Line(sku: "71053", quantity: 6)],
            id: 1
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]

        #expect(try JSONWriter.encode(order) == Array(try encoder.encode(order)))
    }
}

@Suite("the order list written by hand is the same JSON as its Encodable form")
struct OrderListJSONTests {
    private func row(_ id: Int64, waybill: String?, holds: String) -> ReportQueries.OrderListRow {
        ReportQueries.OrderListRow(
            tradeID: id,
            platformOrderID: "5363\(id)",
            splitSeq: id % 2,
            state: "onHold",
            paidFen: -id * 1_000,
            isHighPriority: id == 2,
            waybill: waybill,
            holds: holds
        )
    }

    @Test("with and without the optional members, every key in sorted order")
    func sameAsEncodable() throws {
        let list = ZhangguiAPI.OrderList(
            orders: [
                ZhangguiAPI.Order(row(1, waybill: nil, holds: ""), shop: "UCI"),
                ZhangguiAPI.Order(row(2, waybill: "ZG1", holds: "price(价格): <b>低</b> & \"x\""), shop: "店\n"),
            ],
            next: "2"
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let foundation = String(decoding: try encoder.encode(list), as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")

        #expect(String(decoding: try JSONWriter.encode(list), as: UTF8.self) == foundation)
        #expect(try JSONWriter.encode(ZhangguiAPI.OrderList(orders: [], next: nil)) == Array(#"{"orders":[]}"#.utf8))
    }
}
