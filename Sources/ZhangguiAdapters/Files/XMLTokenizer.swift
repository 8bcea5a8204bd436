/// A small, tolerant XML tokenizer for the parts of an XLSX workbook, working on UTF-8 bytes in place.
///
/// It yields start tags, end tags, text and CDATA; it skips the XML declaration, processing instructions, comments
/// and DOCTYPE. Names are compared by their local part, so `x:row` is read as `row`. It does not check that tags
/// nest properly — the readers only look for the elements they need.
struct XMLTokenizer {
    /// One piece of markup or text.
    struct Token {
        enum Kind {
            case start
            case end
            case text
            case skipped
        }

        var kind: Kind
        /// The local name (after any `prefix:`) of a start or end tag.
        var name: Range<Int>
        /// The attributes of a start tag, or the text (entities not yet decoded) or CDATA content.
        var body: Range<Int>
        /// True for `<name … />`.
        var isSelfClosing = false
        /// True when `body` is CDATA content, taken literally.
        var isLiteral = false
        /// The index just after the token.
        var end: Int
    }

    /// What reading one token found.
    enum Next {
        case token(Token)
        case needsMoreInput
        case endOfInput
        case malformed(String)
    }

    /// The bytes to read.
    let bytes: UnsafeBufferPointer<UInt8>
    /// True when no bytes follow, so an unclosed tag is malformed rather than cut by the chunk.
    let isFinal: Bool

    /// Reads the token that starts at `index`.
    func token(at index: Int) -> Next {
        guard index < bytes.count else { return isFinal ? .endOfInput : .needsMoreInput }
        guard bytes[index] == UInt8(ascii: "<") else { return text(from: index) }
        guard index + 1 < bytes.count else { return cutOff("a tag is not closed") }
        switch bytes[index + 1] {
        case UInt8(ascii: "/"): return endTag(from: index)
        case UInt8(ascii: "?"): return skipped(from: index, until: "?>")
        case UInt8(ascii: "!"): return declaration(from: index)
        default: return startTag(from: index)
        }
    }

    /// True when the bytes of `range` spell `name`.
    func matches(_ range: Range<Int>, _ name: [UInt8]) -> Bool {
        guard range.count == name.count else { return false }
        for (offset, byte) in name.enumerated() where bytes[range.lowerBound + offset] != byte { return false }
        return true
    }

    private func cutOff(_ problem: String) -> Next {
        isFinal ? .malformed(problem) : .needsMoreInput
    }

    private func text(from start: Int) -> Next {
        guard let end = firstIndex(of: UInt8(ascii: "<"), from: start) else {
            return isFinal
                ? .token(Token(kind: .text, name: 0..<0, body: start..<bytes.count, end: bytes.count))
                : .needsMoreInput
        }
        return .token(Token(kind: .text, name: 0..<0, body: start..<end, end: end))
    }

    private func endTag(from start: Int) -> Next {
        guard let close = firstIndex(of: UInt8(ascii: ">"), from: start + 2) else {
            return cutOff("a tag is not closed")
        }
        let name = localName(in: trimmed(start + 2..<close))
        return .token(Token(kind: .end, name: name, body: close..<close, end: close + 1))
    }

    private func startTag(from start: Int) -> Next {
        var nameEnd = start + 1
        while nameEnd < bytes.count && !isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
        guard let close = closingBracket(from: nameEnd) else { return cutOff("a tag is not closed") }
        let isSelfClosing = bytes[close - 1] == UInt8(ascii: "/")
        let body = nameEnd..<(isSelfClosing ? max(nameEnd, close - 1) : close)
        let name = localName(in: start + 1..<nameEnd)
        return .token(Token(kind: .start, name: name, body: body, isSelfClosing: isSelfClosing, end: close + 1))
    }

    /// Comments, CDATA sections and DOCTYPE.
    private func declaration(from start: Int) -> Next {
        if start + 9 > bytes.count && !isFinal { return .needsMoreInput }
        if hasPrefix("<!--", at: start) { return skipped(from: start, until: "-->") }
        guard hasPrefix("<![CDATA[", at: start) else { return skipped(from: start, until: ">") }
        let contentStart = start + 9
        guard let close = firstIndex(of: "]]>", from: contentStart) else {
            return cutOff("a CDATA section is not closed")
        }
        return .token(Token(kind: .text, name: 0..<0, body: contentStart..<close, isLiteral: true, end: close + 3))
    }

    private func skipped(from start: Int, until terminator: String) -> Next {
        guard let close = firstIndex(of: terminator, from: start + 2) else { return cutOff("markup is not closed") }
        return .token(Token(kind: .skipped, name: 0..<0, body: start..<close, end: close + terminator.utf8.count))
    }

    /// The index of the `>` ending a start tag, skipping quoted attribute values that may contain `>`.
    private func closingBracket(from start: Int) -> Int? {
        var index = start
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            }
            index += 1
        }
        return nil
    }

    private func isNameEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte <= 0x20
    }

    /// The part of a qualified name after its last colon.
    func localName(in range: Range<Int>) -> Range<Int> {
        var index = range.upperBound
        while index > range.lowerBound && bytes[index - 1] != UInt8(ascii: ":") { index -= 1 }
        return index..<range.upperBound
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && bytes[lower] <= 0x20 { lower += 1 }
        while upper > lower && bytes[upper - 1] <= 0x20 { upper -= 1 }
        return lower..<upper
    }

    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private func firstIndex(of text: String, from start: Int) -> Int? {
        let pattern = Array(text.utf8)
        var index = start
        while let candidate = firstIndex(of: pattern[0], from: index) {
            if hasPrefix(pattern, at: candidate) { return candidate }
            if candidate + pattern.count > bytes.count { return nil }
            index = candidate + 1
        }
        return nil
    }

    private func hasPrefix(_ text: String, at index: Int) -> Bool {
        hasPrefix(Array(text.utf8), at: index)
    }

    private func hasPrefix(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        return matches(index..<index + pattern.count, pattern)
    }
}
