/// Reads one worksheet of an XLSX workbook as a table: the first non-blank row is the header.
///
/// The workbook's small parts (directory, styles, shared strings) are read first; the sheet itself is then streamed
/// row by row. Rows whose cells are all empty are skipped. Row numbers are the sheet's own.
struct XLSXTableReader: TableReader {
    let fileName: String
    let header: [String]
    private let rows: SheetRowReader
    private let columns: TableColumns
    private let file: FileInput
    private let fileSize: Int

    /// Opens the sheet named `sheet` (the first sheet when nil) of the workbook at `path`.
    ///
    /// - Throws: `unreadable`, `unsupportedFormat` (not a zip file, ZIP64, encryption), `corruptArchive`,
    ///   `missingSheet`, `malformedXML`, `badEncoding`, `emptyFile` when the sheet has no non-blank row.
    init(path: String, sheet: String?) throws(TableFileError) {
        let file = try FileInput(path: path)
        fileName = file.fileName
        self.file = file
        fileSize = try file.size()
        try Self.checkSignature(of: file)
        let archive = try ZipArchive(file: file)
        let directory = try WorkbookDirectory(archive: archive)
        let entry = try Self.sheetEntry(named: sheet, in: directory, archive: archive)
        let renderer = try Self.renderer(for: directory, archive: archive)
        rows = SheetRowReader(stream: try archive.xmlStream(of: entry), renderer: renderer, fileName: fileName)
        guard let first = try Self.nextNonBlank(rows) else {
            throw TableFileError(code: .emptyFile, file: fileName, detail: "the sheet has no header row")
        }
        header = first.values.map(\.trimmedForHeader)
        columns = TableColumns(header: header)
    }

    var bytesRead: (done: Int, size: Int) { (min(file.bytesRead, fileSize), fileSize) }

    mutating func nextRow() throws(TableFileError) -> TableRow? {
        guard let row = try Self.nextNonBlank(rows) else { return nil }
        return TableRow(number: row.number, values: row.values, columns: columns)
    }

    private static func nextNonBlank(_ rows: SheetRowReader) throws(TableFileError) -> (number: Int, values: [String])?
    {
        while let row = try rows.nextRow() {
            if row.values.contains(where: { !$0.isEmpty }) { return row }
        }
        return nil
    }

    /// Reads the shared strings and styles the workbook has.
    private static func renderer(for directory: WorkbookDirectory, archive: ZipArchive) throws(TableFileError)
        -> CellRenderer
    {
        var sharedStrings = SharedStrings()
        if let path = directory.sharedStringsPath { sharedStrings = try SharedStrings(archive: archive, path: path) }
        var styles = CellStyles()
        if let path = directory.stylesPath { styles = try CellStyles(archive: archive, path: path) }
        return CellRenderer(sharedStrings: sharedStrings, styles: styles, uses1904Dates: directory.uses1904Dates)
    }

    /// Tells an empty file or a file of another kind from a damaged workbook before reading its directory.
    private static func checkSignature(of file: FileInput) throws(TableFileError) {
        let start = try file.read(count: 4, at: 0)
        guard !start.isEmpty else {
            throw TableFileError(code: .emptyFile, file: file.fileName, detail: "the file is empty")
        }
        guard start != [0x50, 0x4B, 0x03, 0x04] else { return }
        let isCompoundFile = start == [0xD0, 0xCF, 0x11, 0xE0]
        let detail =
            isCompoundFile
            ? "the workbook is password-protected or a legacy .xls file; save it as .xlsx without a password"
            : "the file is not an XLSX workbook (it is not a zip archive)"
        throw TableFileError(code: .unsupportedFormat, file: file.fileName, detail: detail)
    }

    private static func sheetEntry(named name: String?, in directory: WorkbookDirectory, archive: ZipArchive)
        throws(TableFileError) -> ZipArchive.Entry
    {
        let fileName = archive.file.fileName
        guard let sheet = name.map({ name in directory.sheets.first { $0.name == name } }) ?? directory.sheets.first
        else {
            let available = directory.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
            let detail = name.map { "no sheet named \"\($0)\" (sheets: \(available))" } ?? "the workbook has no sheets"
            throw TableFileError(code: .missingSheet, file: fileName, detail: detail)
        }
        guard let path = sheet.path else {
            let detail = "sheet \"\(sheet.name)\" is not a worksheet (a chart or dialog sheet)"
            throw TableFileError(code: .unsupportedFormat, file: fileName, detail: detail)
        }
        guard let entry = archive.entry(named: path) else {
            throw archive.corrupt("the part \(path) of sheet \"\(sheet.name)\" is missing")
        }
        return entry
    }
}
