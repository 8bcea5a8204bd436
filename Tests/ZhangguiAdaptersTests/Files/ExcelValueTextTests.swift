import Testing

@testable import ZhangguiAdapters

@Suite("Showing cell values as Excel does")
struct ExcelValueTextTests {
    @Test(
        "Numbers read as General format shows them",
        arguments: [
            ("12", "12"), ("12.0", "12"), ("1299.50", "1299.5"), ("-0.5", "-0.5"), ("0", "0"), ("-0", "0"),
            ("0.30000000000000004", "0.3"), ("12345.678900000001", "12345.6789"), ("1E-3", "0.001"),
            ("2.5E+2", "250"), ("123456789012345678", "123456789012346000"), ("1.5E+25", "1.5E+25"),
            ("1.23E-12", "1.23E-12"), ("17850.0", "17850"), ("007", "7"), ("abc", "abc"),
        ]
    )
    func generalNumbers(raw: String, shown: String) {
        #expect(ExcelValueText.number(raw) == shown)
    }

    @Test(
        "Date serials read as dates, with Excel's fictional 1900-02-29 kept in place",
        arguments: [
            (1.0, "1900-01-01"), (59.0, "1900-02-28"), (60.0, "1900-02-29"), (61.0, "1900-03-01"),
            (43831.0, "2020-01-01"), (43831.5, "2020-01-01 12:00:00"), (44511.99998842592, "2021-11-11 23:59:59"),
            (44511.999999999, "2021-11-12"), (0.75, "18:00:00"), (2_958_465.0, "9999-12-31"),
        ]
    )
    func dates(serial: Double, shown: String) {
        #expect(ExcelDate.text(serial: serial) == shown)
    }

    @Test("The 1904 date system counts from 1904-01-01, and impossible serials are not dates")
    func otherSerials() {
        #expect(ExcelDate.text(serial: 0, uses1904Dates: true) == "1904-01-01")
        #expect(ExcelDate.text(serial: 42_369, uses1904Dates: true) == "2020-01-01")
        #expect(ExcelDate.text(serial: -1) == nil)
        #expect(ExcelDate.text(serial: 3_000_000) == nil)
    }

    @Test(
        "Number formats that show dates are recognised, others are not",
        arguments: [
            ("yyyy-mm-dd", true), ("h:mm:ss", true), ("yyyy\"年\"m\"月\"d\"日\"", true), ("[$-F800]dddd", true),
            ("[h]:mm", true), ("0.00", false), ("[Red]#,##0.00", false), ("0\" days\"", false),
            ("General", false), ("#,##0\\d", false),
        ]
    )
    func dateFormats(code: String, isDate: Bool) {
        #expect(ExcelNumberFormat.isDate(code: code) == isDate)
    }

    @Test("Built-in date formats include the Chinese ones", arguments: [14, 22, 31, 45, 47, 57])
    func builtInDateFormats(id: Int) {
        #expect(ExcelNumberFormat.isDate(id: id))
    }

    @Test("Built-in number formats are not dates", arguments: [0, 1, 2, 4, 10, 11, 37, 44, 49])
    func builtInNumberFormats(id: Int) {
        #expect(!ExcelNumberFormat.isDate(id: id))
    }
}
