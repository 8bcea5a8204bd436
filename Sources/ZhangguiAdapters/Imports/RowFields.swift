import Foundation
import ZhangguiCore
import ZhangguiServices

/// Reads typed fields from one row, collecting an issue for each bad or missing cell instead of stopping at the
/// first, so a seller sees every problem of a row at once.
struct RowFields {
    let row: TableRow
    let file: String
    private(set) var issues: [ImportIssue] = []

    /// Also refuses, cell by cell, a text holding a control character other than tab and line breaks (a NUL would
    /// be cut short by one engine and refused by the other; no field of ours means one).
    init(_ row: TableRow, file: String) {
        self.row = row
        self.file = file
        for (index, value) in row.values.enumerated() where value.unicodeScalars.contains(where: Self.isControl) {
            fail(row.columnName(at: index), "holds a control character; save the file without them")
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }

    var isValid: Bool { issues.isEmpty }

    /// The trimmed text of `column`, or empty.
    func text(_ column: String) -> String {
        row.value(column)?.trimmed ?? ""
    }

    mutating func required(_ column: String) -> String {
        let value = text(column)
        if value.isEmpty { fail(column, "is empty") }
        return value
    }

    mutating func money(_ column: String, required: Bool = true, currency: Currency = .cny) -> Money {
        let value = text(column)
        if value.isEmpty, !required { return .zero(currency) }
        do {
            let amount = try Money.parse(value, currency: currency)
            if amount.fen < 0 { fail(column, "'\(value)' is negative") }
            if amount.fen > Limits.amountFen {
                fail(column, "'\(value)' is more than \(Money(fen: Limits.amountFen).decimalText)")
                return .zero(currency)
            }
            return amount
        } catch {
            fail(column, error.description)
            return .zero(currency)
        }
    }

    mutating func positiveQuantity(_ column: String) -> Int64 {
        let value = text(column)
        guard let quantity = Self.wholeNumber(value) else {
            fail(column, value.isEmpty ? "is empty" : "'\(value)' is not a whole number")
            return 0
        }
        guard quantity > 0 else {
            fail(column, "'\(value)' must be at least 1")
            return 0
        }
        guard quantity <= Limits.quantity else {
            fail(column, "'\(value)' is more than \(Limits.quantity)")
            return 0
        }
        return quantity
    }

    /// UTC seconds of a local time in `calendar`'s zone (see ``instant(of:calendar:)``).
    mutating func time(_ column: String, calendar: BusinessCalendar, required: Bool = true) -> Int64? {
        let value = text(column)
        if value.isEmpty {
            if required { fail(column, "is empty") }
            return nil
        }
        guard let seconds = Self.instant(of: value, calendar: calendar) else {
            fail(column, "'\(value)' is not a date and time such as 2024-06-18 20:15:00")
            return nil
        }
        return seconds
    }

    mutating func fail(_ column: String, _ message: String) {
        issues.append(ImportIssue(file: file, row: row.number, column: column, message: message))
    }

    /// UTC seconds of a local wall-clock time in `calendar`'s zone, written as text (`2024-06-18 20:15:00`) or as
    /// an Excel serial date (`45461.84375`). XLSX date cells already arrive as text; a bare serial comes from a
    /// cell that lost its date format, or from a CSV saved from such a sheet, and is read in the 1900 date system.
    /// Serials before 1970 are refused, so a stray number such as `2024` is never taken for a day in 1905.
    static func instant(of text: String, calendar: BusinessCalendar) -> Int64? {
        if let seconds = calendar.instant(ofLocal: text) { return seconds }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let serial = Double(text),
            serial >= firstSerialOf1970, let local = ExcelDate.text(serial: serial)
        else { return nil }
        return calendar.instant(ofLocal: local)
    }

    /// The Excel serial date of 1970-01-01.
    private static let firstSerialOf1970 = 25_569.0

    /// A whole number as spreadsheets write it: `12`, `12.0`, `12.00`, `1,200`.
    static func wholeNumber(_ text: String) -> Int64? {
        if let plain = Int64(text) { return plain }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, parts[1].isEmpty || !parts[1].allSatisfy({ $0 == "0" }) { return nil }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        // Thousands separators only where they belong: `1,200` and `12,345,678`, never `1,2,3`.
        if groups.count > 1, !(1...3).contains(groups[0].count) || !groups.dropFirst().allSatisfy({ $0.count == 3 }) {
            return nil
        }
        return Int64(groups.joined())
    }
}

/// Checks that a file has the columns an import needs, naming every one that is missing, and that no column is
/// headed twice (which value would count would be a guess).
func requireColumns(_ columns: [String], in reader: any TableReader) -> [ImportIssue] {
    let header = Set(reader.header)
    let missing = columns.filter { !header.contains($0) }.map {
        ImportIssue(file: reader.fileName, row: 1, column: $0, message: "column is missing from the header")
    }
    var seen: Set<String> = []
    let repeated = reader.header.filter { !$0.isEmpty && !seen.insert($0).inserted }.map {
        ImportIssue(file: reader.fileName, row: 1, column: $0, message: "column appears twice in the header")
    }
    return missing + repeated
}
