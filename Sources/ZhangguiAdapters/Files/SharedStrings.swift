/// The shared string table of a workbook (`xl/sharedStrings.xml`): cells of type `s` hold an index into it.
struct SharedStrings {
    private(set) var strings: [String] = []

    /// An empty table, for workbooks without shared strings.
    init() {}

    /// Reads every `<si>` item; rich text runs (`<r><t>…</t></r>`) are joined, phonetic guides (`<rPh>`) left out.
    init(archive: ZipArchive, path: String) throws(TableFileError) {
        guard let entry = archive.entry(named: path) else { throw archive.corrupt("the part \(path) is missing") }
        let stream = try archive.xmlStream(of: entry)
        let names = [Array("si".utf8)]
        while let text = try stream.next(named: names, { item in richText(in: item) }) {
            guard let text else { throw stream.malformed("a shared string is not valid UTF-8") }
            strings.append(text)
        }
    }

    subscript(index: Int) -> String? {
        strings.indices.contains(index) ? strings[index] : nil
    }
}

/// The text of all `<t>` elements inside an element (a shared string item or an inline string), outside phonetic
/// guides, with Excel's `_xHHHH_` escapes decoded; nil when some text is not valid UTF-8.
func richText(in element: XMLElementStream.Element) -> String? {
    let tokenizer = element.tokenizer
    var builder = RichTextBuilder()
    var index = element.contentStart
    while case .token(let token) = tokenizer.token(at: index) {
        index = token.end
        guard builder.take(token, from: tokenizer) else { return nil }
    }
    return builder.text
}

/// Joins the `<t>` runs of rich text token by token, skipping phonetic guides (`<rPh>`).
struct RichTextBuilder {
    private static let textName = Array("t".utf8)
    private static let phoneticName = Array("rPh".utf8)

    private var joined = ""
    private var isInText = false
    private var phoneticDepth = 0

    /// The text so far, with Excel's `_xHHHH_` escapes decoded.
    var text: String { decodingExcelEscapes(joined) }

    /// Takes one token; returns false when its text is not valid UTF-8.
    mutating func take(_ token: XMLTokenizer.Token, from tokenizer: XMLTokenizer) -> Bool {
        switch token.kind {
        case .start where tokenizer.matches(token.name, Self.phoneticName):
            phoneticDepth += token.isSelfClosing ? 0 : 1
        case .end where tokenizer.matches(token.name, Self.phoneticName): phoneticDepth -= 1
        case .start where tokenizer.matches(token.name, Self.textName): isInText = !token.isSelfClosing
        case .end where tokenizer.matches(token.name, Self.textName): isInText = false
        case .text where isInText && phoneticDepth == 0:
            guard let piece = tokenizer.decodedText(token.body, isLiteral: token.isLiteral) else { return false }
            joined += piece
        default: break
        }
        return true
    }
}

/// Text with Excel's escapes for control characters (`_x000D_` for a carriage return) decoded; `_x005F_` is `_`.
func decodingExcelEscapes(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") else { return text }
    var result = ""
    var rest = Substring(text)
    while let start = rest.firstRange(of: "_x") {
        let digits = rest[start.upperBound...].prefix(5)
        result += rest[..<start.lowerBound]
        if digits.count == 5, digits.last == "_", let value = UInt32(digits.dropLast(), radix: 16),
            let scalar = Unicode.Scalar(value)
        {
            result.unicodeScalars.append(scalar)
            rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
        } else {
            result += "_x"
            rest = rest[start.upperBound...]
        }
    }
    return result + rest
}
