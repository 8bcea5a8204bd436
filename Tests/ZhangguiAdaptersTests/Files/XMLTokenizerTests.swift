import Testing

@testable import ZhangguiAdapters

@Suite("Reading workbook XML")
struct XMLTokenizerTests {
    @Test(
        "Entities and character references decode, unknown ones stay as written",
        arguments: [
            ("A &amp; B", "A & B"), ("&lt;x&gt; &quot;q&quot; &apos;s&apos;", "<x> \"q\" 's'"),
            ("&#20013;&#x6587;", "中文"), ("&nbsp; &", "&nbsp; &"), ("plain", "plain"),
        ]
    )
    func entities(raw: String, decoded: String) {
        let bytes = Array(raw.utf8)
        let text = bytes.withUnsafeBufferPointer { buffer in
            XMLTokenizer(bytes: buffer, isFinal: true).decodedText(0..<buffer.count)
        }
        #expect(text == decoded)
    }

    @Test("Rows are found in a stream cut anywhere, with prefixes, comments, CDATA and quoted >")
    func streamedRows() throws {
        let xml = """
            <?xml version="1.0"?><x:worksheet xmlns:x="main"><!-- a > comment --><x:sheetData>\
            <x:row r="1" note="a>b"><x:c r="B1" t="inlineStr"><x:is><x:t><![CDATA[<raw>]]></x:t></x:is></x:c></x:row>\
            <x:row r="2"/><x:rowBreaks/><x:row r="3"><x:c r="A3"><x:v>1.50</x:v></x:c></x:row>\
            </x:sheetData></x:worksheet>
            """
        for chunkSize in [1, 3, 8, 1000] {
            let stream = XMLElementStream(
                source: ChunkedBytes(Array(xml.utf8), chunkSize: chunkSize),
                fileName: "t.xlsx",
                part: "sheet"
            )
            let reader = SheetRowReader(stream: stream, renderer: emptyWorkbook, fileName: "t.xlsx")
            var rows: [[String]] = []
            var numbers: [Int] = []
            while let row = try reader.nextRow() {
                rows.append(row.values)
                numbers.append(row.number)
            }
            #expect(numbers == [1, 2, 3], "chunk size \(chunkSize)")
            #expect(rows == [["", "<raw>"], [], ["1.5"]], "chunk size \(chunkSize)")
        }
    }

    @Test("Shared string items join rich text runs and leave out phonetic guides")
    func sharedStringItem() throws {
        let runs = "<r><t>红</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">色 </t></r>"
        let xml = "<sst><si>\(runs)<rPh><t>hong</t></rPh></si></sst>"
        let stream = XMLElementStream(
            source: ChunkedBytes(Array(xml.utf8), chunkSize: 7),
            fileName: "t.xlsx",
            part: "sst"
        )

        let text = try stream.next(named: [Array("si".utf8)]) { item in richText(in: item) }

        #expect(text == "红色 ")
    }

    @Test("Excel's _xHHHH_ escapes decode and other underscores stay")
    func excelEscapes() {
        #expect(decodingExcelEscapes("a_x000D__x000A_b") == "a\r\nb")
        #expect(decodingExcelEscapes("SKU_x1_2") == "SKU_x1_2")
        #expect(decodingExcelEscapes("_x005F_x000D_") == "_x000D_")
    }

    @Test("Relationship targets resolve against the workbook's folder")
    func partPaths() {
        #expect(resolvePartPath("worksheets/sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
        #expect(resolvePartPath("/xl/worksheets/sheet2.xml", from: "xl") == "xl/worksheets/sheet2.xml")
        #expect(resolvePartPath("../media/image1.png", from: "xl/drawings") == "xl/media/image1.png")
    }

    private var emptyWorkbook: CellRenderer {
        CellRenderer(sharedStrings: SharedStrings(), styles: CellStyles(), uses1904Dates: false)
    }
}
