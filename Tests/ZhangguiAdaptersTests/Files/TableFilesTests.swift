import Foundation
import Testing
import ZhangguiAdapters

@Suite("Opening table files")
struct TableFilesTests {
    @Test("The extension picks the reader whatever its case")
    func extensionCase() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("ORDERS.CSV")
        try FileManager.default.copyItem(atPath: Fixtures.path("quoted_bom.csv"), toPath: copy.path)

        let reader = try TableFiles.open(path: copy.path)

        #expect(reader.fileName == "ORDERS.CSV")
        #expect(reader.header == ["sku", "name", "note"])
    }

    @Test("Legacy .xls and unknown extensions are refused as unsupported", arguments: ["report.xls", "report.txt"])
    func unsupported(name: String) {
        let error = #expect(throws: TableFileError.self) { _ = try TableFiles.open(path: "/nonexistent/\(name)") }

        #expect(error?.code == .unsupportedFormat)
        #expect(error?.file == name)
    }

    @Test("A missing file is unreadable, and the error names only the file, not its folder")
    func missingFile() {
        let error = #expect(throws: TableFileError.self) { _ = try TableFiles.open(path: "/nonexistent/orders.csv") }

        #expect(error?.code == .unreadable)
        #expect(error?.description == "orders.csv: no such file or directory")
    }

    @Test("A folder is unreadable even when its name ends in .csv")
    func folder() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = folder.appendingPathComponent("exports.csv")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: false)

        #expect(throws: TableFileError(code: .unreadable, file: "exports.csv", detail: "is a directory")) {
            _ = try TableFiles.open(path: inner.path)
        }
    }

    @Test("A CSV file with an .xlsx name is refused as not a workbook")
    func csvNamedXLSX() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("orders.xlsx")
        try Data("a,b\n1,2\n".utf8).write(to: fake)

        let error = #expect(throws: TableFileError.self) { _ = try TableFiles.open(path: fake.path) }

        #expect(error?.code == .unsupportedFormat)
    }

    @Test("Error descriptions read file, row and detail")
    func errorDescription() {
        let error = TableFileError(
            code: .unterminatedQuote,
            file: "orders.csv",
            row: 12,
            detail: "unterminated quoted field"
        )

        #expect(error.description == "orders.csv row 12: unterminated quoted field")
        #expect(TableFileError.Code.unterminatedQuote.rawValue == "unterminatedQuote")
    }

    @Test("A row finds values by trimmed column name and answers nil for unknown columns and short rows")
    func valueByColumn() {
        let row = TableRow(number: 2, values: ["1", "广东省"], header: ["\u{FEFF}订单编号", "收货地址 ", "退款金额"])

        #expect(row.value("订单编号") == "1")
        #expect(row.value("收货地址") == "广东省")
        #expect(row.value(" 收货地址 ") == "广东省")
        #expect(row.value("退款金额") == nil)
        #expect(row.value("买家留言") == nil)
    }
}
