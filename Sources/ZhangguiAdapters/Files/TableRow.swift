/// One row of a table file as the user sees it.
public struct TableRow: Sendable, Equatable {
    /// The row number a spreadsheet program would show: the header is row 1, the first data row is row 2.
    ///
    /// Blank rows are skipped by readers but still counted, so the number always points at the row the seller sees.
    /// In CSV, a record whose quoted field holds line breaks is still one row: a record spanning three physical
    /// lines has one number, and the next record has the next number. In XLSX, the number is the sheet's own row
    /// number (its `r` attribute), so rows the sheet skips are skipped in the numbering too.
    public let number: Int
    /// The cell texts, left to right, as they are in the file. CSV fields are unquoted but never trimmed. XLSX cells
    /// read as Excel shows them: numbers in General format (`12`, `1299.5`, at most 15 significant digits),
    /// date-formatted numbers as `yyyy-MM-dd HH:mm:ss` (or `yyyy-MM-dd` at midnight), Booleans as `TRUE`/`FALSE`,
    /// error values such as `#N/A` as written. Cells a row skips are empty strings; the row ends at its last cell,
    /// so it may be shorter than the header.
    public let values: [String]
    private let columns: TableColumns

    /// Creates a row whose values are looked up by the column names of `header`.
    public init(number: Int, values: [String], header: [String]) {
        self.init(number: number, values: values, columns: TableColumns(header: header))
    }

    init(number: Int, values: [String], columns: TableColumns) {
        self.number = number
        self.values = values
        self.columns = columns
    }

    /// The value in the column named `column`, or nil when the file has no such column or this row is too short.
    ///
    /// Names are compared after trimming surrounding whitespace and a byte-order mark from both sides, so
    /// `"收货地址"` finds a header written as `"收货地址 "`. When two columns share a name, the first one wins.
    public func value(_ column: String) -> String? {
        guard let index = columns.index(of: column), index < values.count else { return nil }
        return values[index]
    }

    /// The header's name of the column at `index`, trimmed; `column N` (from 1) past the header.
    public func columnName(at index: Int) -> String {
        columns.name(at: index) ?? "column \(index + 1)"
    }

    /// Rows are equal when they have the same number, the same values and the same column names.
    public static func == (lhs: TableRow, rhs: TableRow) -> Bool {
        lhs.number == rhs.number && lhs.values == rhs.values && lhs.columns == rhs.columns
    }
}

/// The column positions of a header, shared by every row of one reader.
final class TableColumns: Sendable, Equatable {
    private let positions: [String: Int]
    private let names: [String]

    /// Indexes `header` by trimmed name; the first of duplicate names wins.
    init(header: [String]) {
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() where positions[name.trimmedForHeader] == nil {
            positions[name.trimmedForHeader] = index
        }
        self.positions = positions
        names = header.map(\.trimmedForHeader)
    }

    /// The trimmed name at `index`, or nil past the header.
    func name(at index: Int) -> String? {
        names.indices.contains(index) ? names[index] : nil
    }

    /// The position of `column`: the exact name is tried first, so the usual lookup trims nothing.
    func index(of column: String) -> Int? {
        positions[column] ?? positions[column.trimmedForHeader]
    }

    static func == (lhs: TableColumns, rhs: TableColumns) -> Bool {
        lhs === rhs || lhs.positions == rhs.positions
    }
}

extension String {
    /// The text without surrounding whitespace, line breaks and byte-order marks (U+FEFF).
    var trimmedForHeader: String {
        let isPadding: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{FEFF}" }
        guard let first = firstIndex(where: { !isPadding($0) }), let last = lastIndex(where: { !isPadding($0) })
        else { return "" }
        return String(self[first...last])
    }
}
