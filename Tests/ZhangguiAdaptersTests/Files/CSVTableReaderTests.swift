import Testing
import ZhangguiAdapters

@Suite("Reading CSV files")
struct CSVTableReaderTests {
    @Test("A GB18030 file saved by Chinese Excel reads with its Chinese header and CRLF line ends")
    func gb18030() throws {
        var reader = try TableFiles.open(path: Fixtures.path("orders_gb18030.csv"))
        let rows = try readAll(&reader)

        #expect(reader.header == ["订单编号", "店铺", "下单时间", "收货人", "数量", "单价"])
        #expect(rows.count == 3)
        #expect(rows[0].number == 2)
        #expect(rows[0].values == ["TB20240101001", "掌柜旗舰店", "2024-01-01 09:30:00", "张三", "2", "39.90"])
        #expect(rows[2].value("店铺") == "掌柜旗舰店")
        #expect(rows[2].value("单价") == "5.50")
        #expect(rows[2].number == 4)
    }

    @Test("Quoted fields keep their commas, doubled quotes and line breaks, and a multi-line record is one row")
    func quotedFields() throws {
        var reader = try TableFiles.open(path: Fixtures.path("quoted_bom.csv"))
        let rows = try readAll(&reader)

        #expect(reader.header == ["sku", "name", "note"])
        #expect(rows.map(\.number) == [2, 4])
        #expect(rows[0].values == ["A-1", "Mug, blue", "Say \"hi\"\nto the buyer"])
        #expect(rows[1].values == ["A-2", "Plate", ""])
    }

    @Test("The byte-order mark does not stick to the first column's name")
    func byteOrderMark() throws {
        let reader = try TableFiles.open(path: Fixtures.path("quoted_bom.csv"))
        var rows = reader
        let row = try #require(try rows.nextRow())

        #expect(reader.header.first == "sku")
        #expect(row.value("sku") == "A-1")
    }

    @Test("A quote that is never closed is reported on the row where it opened")
    func unterminatedQuote() {
        #expect(
            throws: TableFileError(
                code: .unterminatedQuote,
                file: "unterminated.csv",
                row: 4,
                detail: "unterminated quoted field"
            )
        ) {
            var reader = try TableFiles.open(path: Fixtures.path("unterminated.csv"))
            _ = try readAll(&reader)
        }
    }

    @Test("A damaged byte in a UTF-8 file is reported on its row, not read as garbled text")
    func badUTF8() throws {
        var reader = try TableFiles.open(path: Fixtures.path("bad_utf8.csv"))
        let error = #expect(throws: TableFileError.self) { _ = try readAll(&reader) }

        #expect(error?.code == .badEncoding)
        #expect(error?.row == 4)
    }

    @Test("Bytes that are not GB18030 are reported on their row")
    func badGB18030() throws {
        var reader = try TableFiles.open(path: Fixtures.path("bad_gb18030.csv"))
        let first = try reader.nextRow()
        let error = #expect(throws: TableFileError.self) { _ = try reader.nextRow() }

        #expect(first?.values == ["1", "苹果"])
        #expect(error?.code == .badEncoding)
        #expect(error?.row == 3)
    }

    @Test("A UTF-16 file with a byte-order mark reads like UTF-8")
    func utf16() throws {
        var reader = try TableFiles.open(path: Fixtures.path("utf16.csv"))
        let rows = try readAll(&reader)

        #expect(reader.header == ["名称", "数量"])
        #expect(rows.map(\.values) == [["苹果", "3"]])
    }

    @Test("A gzip file made of two concatenated members reads as one table")
    func gzipMembers() throws {
        var reader = try TableFiles.open(path: Fixtures.path("two_members.csv.gz"))
        let rows = try readAll(&reader)

        #expect(reader.header == ["InvoiceNo", "StockCode", "Quantity"])
        #expect(
            rows.map(\.values) == [["536365", "85123A", "6"], ["536366", "22633", "6"], ["536367", "84879", "32"]]
        )
        #expect(rows.map(\.number) == [2, 3, 4])
    }

    @Test("A cut-off gzip file is reported as a corrupt archive after the rows it still holds")
    func truncatedGzip() throws {
        var reader = try TableFiles.open(path: Fixtures.path("truncated.csv.gz"))
        let first = try reader.nextRow()
        let error = #expect(throws: TableFileError.self) { _ = try reader.nextRow() }

        #expect(first?.values == ["536365", "85123A", "6"])
        #expect(error?.code == .corruptArchive)
        #expect(error?.row == 3)
    }

    @Test("A file of blank lines has no header")
    func blankFile() {
        #expect(throws: TableFileError(code: .emptyFile, file: "blank.csv", detail: "the file has no header row")) {
            _ = try TableFiles.open(path: Fixtures.path("blank.csv"))
        }
    }
}
