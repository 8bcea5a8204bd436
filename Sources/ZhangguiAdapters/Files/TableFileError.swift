/// Why a table file (CSV, gzip-compressed CSV or XLSX) could not be read, and where.
///
/// `description` names the file, the row when known, and a short English detail. It never quotes cell contents, so
/// it is safe to log even when the file holds receivers' names or addresses.
public struct TableFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable code a caller can match on; the raw value is the message id.
    public enum Code: String, Sendable {
        /// The file could not be opened or read (missing, no permission, a directory, an I/O error).
        case unreadable
        /// The file's extension or inner format is not one we read (legacy `.xls`, ZIP64, encryption, …).
        case unsupportedFormat
        /// The bytes are not valid text in the detected encoding (UTF-8, GB18030 or UTF-16).
        case badEncoding
        /// A quoted CSV field was still open at the end of the file.
        case unterminatedQuote
        /// The gzip stream or the XLSX zip archive is truncated or damaged.
        case corruptArchive
        /// The workbook has no sheet with the requested name.
        case missingSheet
        /// An XML part of the workbook is not well-formed enough to read.
        case malformedXML
        /// The file holds no header row.
        case emptyFile
    }

    /// What went wrong.
    public let code: Code
    /// The file's last path component, for example `orders.csv`.
    public let file: String
    /// The row as a spreadsheet program would number it (header is row 1), when the error belongs to a row.
    public let row: Int?
    /// A short English detail, for example `unterminated quoted field`.
    public let detail: String

    /// Creates an error; `file` should be a last path component, never a full path.
    public init(code: Code, file: String, row: Int? = nil, detail: String) {
        self.code = code
        self.file = file
        self.row = row
        self.detail = detail
    }

    /// For example `orders.csv row 12: unterminated quoted field`, or `orders.xlsx: no sheet named "Refunds"`.
    public var description: String {
        guard let row else { return "\(file): \(detail)" }
        return "\(file) row \(row): \(detail)"
    }

    /// The same error attached to `row`, unless it already names one.
    func at(row: Int) -> TableFileError {
        guard self.row == nil else { return self }
        return TableFileError(code: code, file: file, row: row, detail: detail)
    }
}
