/// How far an import got, told while it runs so a task's page can show it.
///
/// An import has two phases inside its one transaction: it reads and checks the file (`done` and `total` are bytes
/// of the file), then writes the good records (`done` and `total` are records: products, stock lines or orders).
public struct ImportProgress: Sendable, Equatable {
    /// The phases of an import, named as the task's page names them.
    public enum Phase: String, Sendable {
        case reading
        case writing
    }

    public let phase: Phase
    public let done: Int
    public let total: Int

    public init(_ phase: Phase, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }
}

/// A table reader that tells how many bytes of its file it has read, every `rowsPerReport` rows and once at the end.
struct ProgressTableReader: TableReader {
    private var base: any TableReader
    private let rowsPerReport: Int
    private let report: (ImportProgress) -> Void
    private var rowsSinceReport = 0

    init(_ base: any TableReader, rowsPerReport: Int, report: @escaping (ImportProgress) -> Void) {
        self.base = base
        self.rowsPerReport = rowsPerReport
        self.report = report
    }

    var fileName: String { base.fileName }
    var header: [String] { base.header }
    var bytesRead: (done: Int, size: Int) { base.bytesRead }

    mutating func nextRow() throws(TableFileError) -> TableRow? {
        guard let row = try base.nextRow() else {
            report(ImportProgress(.reading, done: bytesRead.size, total: bytesRead.size))
            return nil
        }
        rowsSinceReport += 1
        if rowsSinceReport == rowsPerReport {
            rowsSinceReport = 0
            report(ImportProgress(.reading, done: bytesRead.done, total: bytesRead.size))
        }
        return row
    }
}
