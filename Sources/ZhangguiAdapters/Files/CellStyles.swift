/// Which cell styles of a workbook (`xl/styles.xml`) show numbers as dates or times.
///
/// A cell's `s` attribute indexes the `<cellXfs>` list; each entry names a number format by `numFmtId`, either
/// built in or defined in `<numFmts>`.
// Known limitation: a workbook that redefines a built-in date format id (14–22, 27–36, 45–47, 50–58) as a plain
// number format still has those cells read as dates. Excel itself never writes such files.
struct CellStyles {
    private var isDateByStyle: [Bool] = []

    /// No styles: every number is shown as a number.
    init() {}

    /// Reads the number formats and the cell formats of the styles part at `path`.
    init(archive: ZipArchive, path: String) throws(TableFileError) {
        guard let entry = archive.entry(named: path) else { throw archive.corrupt("the part \(path) is missing") }
        let stream = try archive.xmlStream(of: entry)
        var customDateFormats: Set<Int> = []
        let names = [Array("numFmt".utf8), Array("cellXfs".utf8)]
        while let formatIDs = try stream.next(named: names, { element in Self.read(element, &customDateFormats) }) {
            guard let formatIDs else { continue }
            isDateByStyle = formatIDs.map { ExcelNumberFormat.isDate(id: $0) || customDateFormats.contains($0) }
        }
    }

    /// True when cells with style index `style` show their number as a date or time.
    func isDate(style: Int) -> Bool {
        isDateByStyle.indices.contains(style) && isDateByStyle[style]
    }

    /// Notes a custom date format from `<numFmt>`, or returns the format ids of the `<xf>` list in `<cellXfs>`.
    private static func read(_ element: XMLElementStream.Element, _ customDateFormats: inout Set<Int>) -> [Int]? {
        let tokenizer = element.tokenizer
        let formatIDName = Array("numFmtId".utf8)
        guard element.nameIndex == 1 else {
            let id = tokenizer.attributeText(formatIDName, in: element.attributes).flatMap { Int($0) }
            let code = tokenizer.attributeText(Array("formatCode".utf8), in: element.attributes) ?? ""
            if let id, ExcelNumberFormat.isDate(code: code) { customDateFormats.insert(id) }
            return nil
        }
        var formatIDs: [Int] = []
        var index = element.contentStart
        let xfName = Array("xf".utf8)
        while case .token(let token) = tokenizer.token(at: index) {
            index = token.end
            guard token.kind == .start, tokenizer.matches(token.name, xfName) else { continue }
            formatIDs.append(tokenizer.attributeText(formatIDName, in: token.body).flatMap { Int($0) } ?? 0)
        }
        return formatIDs
    }
}

/// Facts about Excel number formats.
enum ExcelNumberFormat {
    /// True for the built-in formats that show a date or time: 14–22 and 45–47 everywhere, plus 27–36 and 50–58,
    /// which are the date formats of Chinese, Japanese and Korean Excel (for example 31 is `yyyy"年"m"月"d"日"`).
    static func isDate(id: Int) -> Bool {
        (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id)
    }

    /// True when a custom format code shows a date or time: it uses one of the letters y, m, d, h or s outside
    /// quoted text, `[…]` brackets (colours, conditions, locales) and backslash-escaped characters.
    static func isDate(code: String) -> Bool {
        var isQuoted = false
        var isBracketed = false
        var isEscaped = false
        for character in code.lowercased() {
            if isEscaped {
                isEscaped = false
                continue
            }
            switch character {
            case "\"" where !isBracketed: isQuoted.toggle()
            case "[" where !isQuoted: isBracketed = true
            case "]" where !isQuoted: isBracketed = false
            case "\\" where !isQuoted: isEscaped = true
            case "y", "m", "d", "h", "s": if !isQuoted && !isBracketed { return true }
            default: break
            }
        }
        return false
    }
}
