/// Opens table files that sellers export from platforms and spreadsheets.
public enum TableFiles {
    /// Opens the table at `path`, choosing the reader by the file's extension (case-insensitive).
    ///
    /// - `.csv`: comma-separated text in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.
    /// - `.csv.gz`: the same, gzip-compressed.
    /// - `.xlsx`: an Excel workbook; `sheet` picks a sheet by its tab name, and nil picks the first sheet.
    ///   `sheet` is ignored for CSV files.
    ///
    /// The header row is read before this returns, so a file that cannot be read fails here.
    /// - Throws: `TableFileError` — `unsupportedFormat` for other extensions (including legacy `.xls`),
    ///   `unreadable`, `emptyFile`, `missingSheet`, `corruptArchive`, `malformedXML`, `badEncoding`,
    ///   `unterminatedQuote`.
    public static func open(path: String, sheet: String? = nil) throws(TableFileError) -> any TableReader {
        let name = FileInput.lastComponent(of: path).lowercased()
        if name.hasSuffix(".csv") { return try CSVTableReader(path: path) }
        if name.hasSuffix(".csv.gz") { return try CSVTableReader(path: path, isGzip: true) }
        if name.hasSuffix(".xlsx") { return try XLSXTableReader(path: path, sheet: sheet) }
        let detail =
            name.hasSuffix(".xls")
            ? "legacy .xls workbooks are not supported; save the file as .xlsx or .csv"
            : "only .csv, .csv.gz and .xlsx files can be read"
        throw TableFileError(code: .unsupportedFormat, file: FileInput.lastComponent(of: path), detail: detail)
    }
}
