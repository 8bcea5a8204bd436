import Foundation
import ZhangguiCore
import ZhangguiServices

/// Reads typed fields from one row, collecting an issue for each bad or missing cell instead of stopping at the
/// first, so a seller sees every problem of a row at once.
struct RowFields {
    let row: TableRow
    let file: String
    private(set) var issues: [ImportIssue] = []

    init(_ row: TableRow, file: String) {
        self.row = row
        self.file = file
    }

    var isValid: Bool { issues.isEmpty }

    /// The trimmed text of `column`, or empty.
    func text(_ column: String) -> String {
        row.value(column)?.trimmed ?? ""
    }

    /// The first of `columns` the file has, trimmed; for columns with accepted alternative names.
    func text(anyOf columns: [String]) -> String {
        columns.lazy.compactMap { row.value($0)?.trimmed }.first ?? ""
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
        return quantity
    }

    /// UTC seconds of a local time in `calendar`'s zone; Excel serial dates arrive already as text.
    mutating func time(_ column: String, calendar: BusinessCalendar, required: Bool = true) -> Int64? {
        let value = text(column)
        if value.isEmpty {
            if required { fail(column, "is empty") }
            return nil
        }
        guard let seconds = calendar.instant(ofLocal: value) else {
            fail(column, "'\(value)' is not a date and time such as 2024-06-18 20:15:00")
            return nil
        }
        return seconds
    }

    mutating func fail(_ column: String, _ message: String) {
        issues.append(ImportIssue(file: file, row: row.number, column: column, message: message))
    }

    /// A whole number as spreadsheets write it: `12`, `12.0`, `1,200`.
    static func wholeNumber(_ text: String) -> Int64? {
        var digits = text.replacingOccurrences(of: ",", with: "")
        if digits.hasSuffix(".0") { digits.removeLast(2) }
        return Int64(digits)
    }
}

/// Checks that a file has the columns an import needs, naming every one that is missing.
func requireColumns(_ columns: [String], in reader: any TableReader) -> [ImportIssue] {
    let header = Set(reader.header)
    return columns.filter { !header.contains($0) }.map {
        ImportIssue(file: reader.fileName, row: 1, column: $0, message: "column is missing from the header")
    }
}
