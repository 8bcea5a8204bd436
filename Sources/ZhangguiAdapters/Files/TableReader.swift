/// A readable table: a header plus a stream of rows, read once from start to end.
///
/// Readers hold an open file; they are single-pass and not meant to be shared between tasks.
public protocol TableReader {
    /// The file's last path component, for error messages.
    var fileName: String { get }
    /// The column names from the first non-blank row, trimmed of surrounding whitespace and byte-order marks.
    var header: [String] { get }
    /// The bytes of the file read so far and the file's size, for progress: the first stays at or below the
    /// second.
    var bytesRead: (done: Int, size: Int) { get }
    /// The next non-blank row, or nil at the end of the table.
    ///
    /// - Throws: `TableFileError` naming the row where reading failed.
    mutating func nextRow() throws(TableFileError) -> TableRow?
}
