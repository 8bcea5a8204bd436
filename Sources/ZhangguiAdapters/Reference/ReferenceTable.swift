import Foundation

/// A comma-separated reference file without quoted fields, read whole and split into rows.
struct ReferenceTable {
    /// One data line: its 1-based line number in the file and its fields.
    struct Row {
        let line: Int
        let fields: [Substring]
    }

    let file: String
    let rows: [Row]

    /// Reads `directory/file`, checks the header and that every line has as many fields as the header.
    ///
    /// Line ends may be LF or CRLF; a UTF-8 byte-order mark and blank lines are ignored.
    /// - Throws: ``DivisionTableError`` naming the file and the line.
    init(directory: String, file: String, header: [String]) throws(DivisionTableError) {
        self.file = file
        let path = URL(fileURLWithPath: directory).appendingPathComponent(file).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DivisionTableError(
                code: .unreadableFile,
                file: file,
                line: 0,
                detail: "cannot read the file as UTF-8"
            )
        }
        // Split on bytes rather than Characters: grapheme breaking over 44,000 lines of Chinese is slow.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Substring(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
        let firstLine = lines.first.map { $0.hasPrefix("\u{FEFF}") ? $0.dropFirst() : $0 } ?? ""
        guard firstLine.split(separator: ",", omittingEmptySubsequences: false).map(String.init) == header else {
            throw DivisionTableError(
                code: .wrongHeader,
                file: file,
                line: 1,
                detail: "expected \(header.joined(separator: ","))"
            )
        }
        rows = try Self.rows(of: lines.dropFirst(), file: file, fieldCount: header.count)
    }

    private static func rows(of lines: ArraySlice<Substring>, file: String, fieldCount: Int) throws(DivisionTableError)
        -> [Row]
    {
        var rows: [Row] = []
        rows.reserveCapacity(lines.count)
        for (offset, text) in zip(lines.indices, lines) where !text.isEmpty {
            let fields = text.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(
                Substring.init
            )
            let line = offset + 1
            guard fields.count == fieldCount else {
                let detail = "expected \(fieldCount) fields, found \(fields.count)"
                throw DivisionTableError(code: .wrongFieldCount, file: file, line: line, detail: detail)
            }
            rows.append(Row(line: line, fields: fields))
        }
        return rows
    }

    /// Checks that a field is a code of one of the allowed lengths, made of ASCII digits only.
    func code(_ field: Substring, in row: Row, lengths: Set<Int>) throws(DivisionTableError) -> String {
        guard lengths.contains(field.utf8.count), field.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw DivisionTableError(code: .invalidCode, file: file, line: row.line, detail: "'\(field)' is not a code")
        }
        return String(field)
    }
}
