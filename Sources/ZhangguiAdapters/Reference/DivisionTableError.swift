/// Why the division reference tables could not be loaded; names the file and line to fix.
public struct DivisionTableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong; the raw values are stable.
    public enum Code: String, Sendable {
        /// The file is missing or is not UTF-8 text.
        case unreadableFile
        /// The first line is not the expected header.
        case wrongHeader
        /// A line has more or fewer comma-separated fields than the header.
        case wrongFieldCount
        /// A code is not made of the expected number of digits.
        case invalidCode
        /// The level column holds an unknown value.
        case unknownLevel
        /// A row of `division_aliases.csv` names a province, city or successor the catalog does not know.
        case unplacedAlias
    }

    public let code: Code
    /// The file name, without its folder.
    public let file: String
    /// The 1-based line number, or 0 when the whole file is concerned.
    public let line: Int
    /// What was found, such as `expected 6 fields, found 5`; reference data only, never personal data.
    public let detail: String

    /// Makes an error for one line of one file.
    public init(code: Code, file: String, line: Int, detail: String) {
        self.code = code
        self.file = file
        self.line = line
        self.detail = detail
    }

    public var description: String { "\(file):\(line): \(code.rawValue): \(detail)" }
}
