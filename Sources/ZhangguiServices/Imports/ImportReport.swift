/// One problem with one cell or row of an imported file.
public struct ImportIssue: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// The row as a spreadsheet shows it (the header is row 1); 0 for a problem with the whole file.
    public let row: Int
    /// The column's header, or empty when the problem is the whole row.
    public let column: String
    public let message: String

    public init(file: String, row: Int, column: String, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        let place = row > 0 ? " row \(row)" : ""
        let field = column.isEmpty ? "" : ", column \(column)"
        return "\(file)\(place)\(field): \(message)"
    }
}

/// What an import did, or would do in a dry run.
public struct ImportReport: Sendable, Equatable {
    public let kind: String
    public let file: String
    public var isDryRun = false
    /// Data rows read from the file.
    public var rowsRead = 0
    /// Records written (products, stock lines, trades).
    public var imported = 0
    /// Records already stored from an earlier import: skipped, nothing changed.
    public var duplicates = 0
    /// Trades stored as cancelled (credit notes).
    public var cancelled = 0
    /// Rows refused, each with at least one issue.
    public var rowsFailed = 0
    public var issues: [ImportIssue] = []

    public init(kind: String, file: String) {
        self.kind = kind
        self.file = file
    }
}
