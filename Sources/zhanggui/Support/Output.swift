import Foundation

/// Printing for the command-line tool: results to standard output, problems to standard error.
enum Output {
    static func line(_ text: String = "") {
        print(text)
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// An amount in fen as yuan with two decimals and thousands separators, such as `12,345.60`.
    static func yuan(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        var whole = String(magnitude / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let cents = magnitude % 100
        return "\(sign)\(whole)\(grouped).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// A count with thousands separators and its noun, singular for 1: `1 label`, `1,200 labels`.
    static func count<N: BinaryInteger>(_ value: N, _ singular: String, _ plural: String) -> String {
        "\(count(value)) \(value == 1 ? singular : plural)"
    }

    /// A count with thousands separators.
    static func count<N: BinaryInteger>(_ value: N) -> String {
        let text = String(value)
        var result = ""
        for (offset, character) in text.reversed().enumerated() {
            if offset > 0, offset % 3 == 0, character != "-" { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }

    /// A moment (UTC seconds since 1970) as local wall-clock time `yyyy-MM-dd HH:mm:ss` in `zone`.
    static func time(_ seconds: Int64, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Left-aligned columns for a small table.
    static func table(_ rows: [[String]]) {
        let rows = rows.map { $0.map(printable) }
        guard let width = rows.map(\.count).max() else { return }
        var widths = Array(repeating: 0, count: width)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
        }
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                cell + String(repeating: " ", count: widths[index] - displayWidth(cell))
            }
            line("  " + cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
    }

    /// `text` with control characters (line breaks, escape sequences that could recolour or move the terminal)
    /// shown as `\u{…}`: cell texts come from files and buyers, so they are printed, never obeyed.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return text.unicodeScalars.map { isControl($0) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Terminal columns a text takes: CJK characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.properties.isIdeographic ? 2 : 1) }
    }
}
