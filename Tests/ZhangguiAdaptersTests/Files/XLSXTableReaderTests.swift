import Foundation
import Testing
import ZhangguiAdapters

@Suite("Reading XLSX workbooks")
struct XLSXTableReaderTests {
    @Test("The first sheet reads with shared, rich and inline strings, dates, numbers and a trimmed header")
    func firstSheet() throws {
        var reader = try TableFiles.open(path: Fixtures.path("workbook.xlsx"))
        let rows = try readAll(&reader)

        #expect(reader.fileName == "workbook.xlsx")
        #expect(reader.header == ["订单编号", "店铺", "下单时间", "数量", "单价", "备注"])
        #expect(rows.map(\.number) == [2, 3, 5, 8])
        #expect(rows[0].values == ["T1001", "旗舰店", "2020-01-01 12:00:00", "12", "1299.5", "A & B <x>"])
    }

    @Test("A skipped cell becomes an empty value and Booleans read TRUE or FALSE")
    func skippedColumn() throws {
        var reader = try TableFiles.open(path: Fixtures.path("workbook.xlsx"))
        _ = try reader.nextRow()
        let row = try #require(try reader.nextRow())

        #expect(row.number == 3)
        #expect(row.values == ["T1002", "", "2020-01-02", "3", "0.3", "TRUE"])
        #expect(row.value("店铺") == "")
    }

    @Test("Formula strings, error values and custom date formats read as Excel shows them")
    func formulasAndErrors() throws {
        var reader = try TableFiles.open(path: Fixtures.path("workbook.xlsx"))
        let rows = try readAll(&reader)

        #expect(rows[2].number == 5)
        #expect(rows[2].values == ["T1003", "自营", "2020-01-03 06:00:00", "-2", "12345.6789", "#N/A"])
    }

    @Test("Cells without references follow each other, and Excel's _x000D_ escape becomes a carriage return")
    func cellsWithoutReferences() throws {
        var reader = try TableFiles.open(path: Fixtures.path("workbook.xlsx"))
        let last = try readAll(&reader).last

        #expect(last?.number == 8)
        #expect(last?.values == ["T1004", "京东店", "", "7", "1000", "line1\r\nline2"])
    }

    @Test("A sheet is picked by name, and namespace prefixes on every element are fine")
    func sheetByName() throws {
        var reader = try TableFiles.open(path: Fixtures.path("workbook.xlsx"), sheet: "Refunds")
        let rows = try readAll(&reader)

        #expect(reader.header == ["退款单号", "金额"])
        #expect(rows == [TableRow(number: 4, values: ["R-1", "19.9"], header: ["退款单号", "金额"])])
    }

    @Test("Asking for a sheet the workbook lacks names the sheets it has")
    func missingSheet() {
        let expected = TableFileError(
            code: .missingSheet,
            file: "workbook.xlsx",
            detail: "no sheet named \"Returns\" (sheets: \"订单\", \"Refunds\")"
        )
        #expect(throws: expected) { _ = try TableFiles.open(path: Fixtures.path("workbook.xlsx"), sheet: "Returns") }
    }

    @Test("A workbook written by openpyxl reads with its inline strings and custom date formats")
    func openpyxlWorkbook() throws {
        var reader = try TableFiles.open(path: Fixtures.path("openpyxl_orders.xlsx"))
        let rows = try readAll(&reader)

        #expect(reader.header == ["订单编号", "商品", "数量", "单价", "付款时间", "发货日期", "已退款"])
        #expect(rows.count == 2)
        #expect(rows[0].values == ["TB-001", "保温杯 500ml", "2", "39.9", "2021-11-11 00:00:01", "2021-11-12", "FALSE"])
        #expect(rows[1].values == ["TB-002", "帆布袋", "1", "15", "2021-11-11 23:59:59", "", "TRUE"])
    }

    @Test("A cut-off workbook is reported as a corrupt archive")
    func truncatedWorkbook() {
        let error = #expect(throws: TableFileError.self) {
            _ = try TableFiles.open(path: Fixtures.path("truncated.xlsx"))
        }

        #expect(error?.code == .corruptArchive)
        #expect(error?.file == "truncated.xlsx")
    }

    @Test("A workbook whose sheet data is damaged is reported as a corrupt archive")
    func damagedWorkbook() {
        let error = #expect(throws: TableFileError.self) {
            _ = try TableFiles.open(path: Fixtures.path("damaged.xlsx"))
        }

        #expect(error?.code == .corruptArchive)
    }
}

@Suite("Refusing workbooks that cannot be read")
struct XLSXRefusalTests {
    @Test("Sheet XML that stops inside a row is malformed, and the error says after which row")
    func malformedSheet() throws {
        var reader = try TableFiles.open(path: Fixtures.path("malformed.xlsx"))
        let first = try reader.nextRow()
        let error = #expect(throws: TableFileError.self) { _ = try reader.nextRow() }

        #expect(first?.number == 2)
        #expect(error?.code == .malformedXML)
        #expect(
            error?.description == "malformed.xlsx: xl/worksheets/sheet1.xml: an element is not closed (after row 2)"
        )
    }

    @Test("A ZIP64 archive is refused as unsupported")
    func zip64() {
        let expected = TableFileError(
            code: .unsupportedFormat,
            file: "zip64_marker.xlsx",
            detail: "ZIP64 archives are not supported"
        )
        #expect(throws: expected) { _ = try TableFiles.open(path: Fixtures.path("zip64_marker.xlsx")) }
    }

    @Test("A password-protected workbook is refused with a hint")
    func passwordProtected() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("secret.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: file)

        let error = #expect(throws: TableFileError.self) { _ = try TableFiles.open(path: file.path) }

        #expect(error?.code == .unsupportedFormat)
        #expect(error?.detail.contains("password") == true)
    }
}
