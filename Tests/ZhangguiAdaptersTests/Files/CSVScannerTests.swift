import Testing

@testable import ZhangguiAdapters

@Suite("Splitting CSV text into records")
struct CSVScannerTests {
    @Test(
        "Records split the same way whatever the chunk size",
        arguments: [
            ("a,b\r\nc,d\r\n", [["a", "b"], ["c", "d"]]),
            ("a,b\nc,d", [["a", "b"], ["c", "d"]]),
            ("a,b\rc,d\r", [["a", "b"], ["c", "d"]]),
            ("\"x,y\",\"he said \"\"no\"\"\"\r\n", [["x,y", "he said \"no\""]]),
            ("\"line1\r\nline2\",z\n", [["line1\r\nline2", "z"]]),
            ("a,,\n,b,\n", [["a", "", ""], ["", "b", ""]]),
            ("\n\na\n", [[""], [""], ["a"]]),
            ("\"\"\n\"\"\"\"\n", [[""], ["\""]]),
            ("5\" screen,x\n", [["5\" screen", "x"]]),
            ("\"a\"b,c\n", [["ab", "c"]]),
            ("订单,数量\n苹果,3\n", [["订单", "数量"], ["苹果", "3"]]),
        ]
    )
    func chunkSizes(text: String, expected: [[String]]) throws {
        for chunkSize in [1, 2, 3, 5, 64 * 1024] {
            #expect(try csvRecords(Array(text.utf8), chunkSize: chunkSize) == expected, "chunk size \(chunkSize)")
        }
    }

    @Test("GB18030 characters cut between chunks still decode")
    func gb18030AcrossChunks() throws {
        var bytes: [UInt8] = [0x69, 0x64, 0x2C]  // "id," first, so the first non-ASCII chunk is one lead byte
        bytes += [0xC3, 0xFB, 0xB3, 0xC6, 0x2C, 0xCA, 0xFD, 0xC1, 0xBF, 0x0D, 0x0A]  // 名称,数量 in GB18030
        bytes += [0xC6, 0xBB, 0xB9, 0xFB, 0x2C, 0x33, 0x0D, 0x0A]  // 苹果,3

        for chunkSize in [1, 2, 3, 7] {
            #expect(try csvRecords(bytes, chunkSize: chunkSize) == [["id", "名称", "数量"], ["苹果", "3"]])
        }
    }

    @Test("A record longer than a chunk is read whole")
    func longRecord() throws {
        let long = String(repeating: "长", count: 50_000)
        let text = "id,note\n1,\"\(long)\"\n2,x\n"

        let records = try csvRecords(Array(text.utf8), chunkSize: 4096)

        #expect(records == [["id", "note"], ["1", long], ["2", "x"]])
    }

    @Test("Chunks of UTF-8 and of GB18030 are told apart")
    func utf8OrLegacy() {
        let chinese = Array("中文商品名称第一号中文商品名称第二号".utf8)

        #expect(encodingEvidence(chinese) == .utf8)
        #expect(encodingEvidence(chinese + [0xFF]) == .utf8)
        #expect(encodingEvidence([0xC3, 0xFB, 0xB3, 0xC6]) == .legacy)  // 名称 in GB18030
        #expect(encodingEvidence(Array("ab".utf8) + chinese.prefix(2)) == .none)  // a character cut by the chunk's end
    }
}
