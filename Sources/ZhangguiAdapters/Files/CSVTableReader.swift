/// Reads a CSV file (optionally gzip-compressed) as a table: the first non-blank record is the header.
///
/// The encoding is detected as `TextSource` describes (UTF-8 with or without BOM, UTF-16 with BOM, GB18030).
/// Records that are entirely empty — a blank line, or only commas — are skipped but keep their row numbers.
struct CSVTableReader: TableReader {
    let fileName: String
    let header: [String]
    private let records: CSVRecordReader
    private let columns: TableColumns
    private let file: FileInput
    private let fileSize: Int

    /// Opens the CSV file at `path`; with `isGzip`, inflates it on the fly.
    ///
    /// - Throws: `unreadable`, `corruptArchive`, `badEncoding` or `unterminatedQuote` while reading the header,
    ///   `emptyFile` when no non-blank record exists.
    init(path: String, isGzip: Bool = false) throws(TableFileError) {
        let file = try FileInput(path: path)
        let bytes: any ByteSource = isGzip ? try GzipByteSource(file: file) : FileByteSource(file: file)
        fileName = file.fileName
        self.file = file
        fileSize = try file.size()
        records = CSVRecordReader(source: TextSource(bytes, fileName: fileName), fileName: fileName)
        guard let first = try CSVTableReader.nextNonBlank(records) else {
            throw TableFileError(code: .emptyFile, file: fileName, detail: "the file has no header row")
        }
        header = first.fields.map(\.trimmedForHeader)
        columns = TableColumns(header: header)
    }

    var bytesRead: (done: Int, size: Int) { (min(file.bytesRead, fileSize), fileSize) }

    mutating func nextRow() throws(TableFileError) -> TableRow? {
        guard let record = try CSVTableReader.nextNonBlank(records) else { return nil }
        return TableRow(number: record.number, values: record.fields, columns: columns)
    }

    private static func nextNonBlank(_ records: CSVRecordReader) throws(TableFileError) -> (
        number: Int, fields: [String]
    )? {
        while let record = try records.nextRecord() {
            if record.fields.contains(where: { !$0.isEmpty }) { return record }
        }
        return nil
    }
}
