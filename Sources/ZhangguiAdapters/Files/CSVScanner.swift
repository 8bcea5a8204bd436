/// Splits UTF-8 CSV bytes into records as RFC 4180 describes, one record per call, without copying the input.
///
/// Fields are separated by commas and records by CRLF, LF or a lone CR. A field that starts with a double quote
/// may hold commas, line breaks and doubled quotes (`""` for one `"`). Sellers' tools also write a few things the
/// RFC forbids, which are read the way Excel reads them: a quote inside an unquoted field is kept as text, and text
/// after a closing quote is appended to the field.
struct CSVScanner {
    /// What scanning one record found.
    enum Outcome {
        /// A complete record, and the index just after its line break.
        case record([String], end: Int)
        /// The record may continue past the bytes seen so far; `isInsideQuotes` when a quoted field is open.
        case needsMoreInput(isInsideQuotes: Bool)
        /// No bytes are left.
        case endOfInput
        /// A field's bytes are not valid UTF-8.
        case invalidUTF8
        /// The input ended inside a quoted field.
        case unterminatedQuote
    }

    private enum Field {
        case text(String, end: Int)
        case needsMoreInput(isInsideQuotes: Bool)
        case invalidUTF8
        case unterminatedQuote
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    /// The bytes to scan.
    let bytes: UnsafeBufferPointer<UInt8>
    /// True when no bytes follow `bytes`, so a record may end at the end of the buffer.
    let isFinal: Bool

    /// Scans the record starting at `start`; `expectedFieldCount` only reserves capacity.
    func scanRecord(from start: Int, expectedFieldCount: Int) -> Outcome {
        guard start < bytes.count else { return isFinal ? .endOfInput : .needsMoreInput(isInsideQuotes: false) }
        var fields: [String] = []
        fields.reserveCapacity(expectedFieldCount)
        var index = start
        while true {
            switch scanField(from: index) {
            case .text(let text, let end):
                fields.append(text)
                index = end
            case .needsMoreInput(let isInsideQuotes): return .needsMoreInput(isInsideQuotes: isInsideQuotes)
            case .invalidUTF8: return .invalidUTF8
            case .unterminatedQuote: return .unterminatedQuote
            }
            guard index < bytes.count else {
                return isFinal ? .record(fields, end: index) : .needsMoreInput(isInsideQuotes: false)
            }
            if bytes[index] == Self.comma {
                index += 1
                continue
            }
            guard let end = endOfLineBreak(at: index) else { return .needsMoreInput(isInsideQuotes: false) }
            return .record(fields, end: end)
        }
    }

    /// The index after the line break at `index`, or nil when a CR ends the buffer and an LF may follow.
    private func endOfLineBreak(at index: Int) -> Int? {
        guard bytes[index] == Self.carriageReturn else { return index + 1 }
        if index + 1 < bytes.count { return bytes[index + 1] == Self.lineFeed ? index + 2 : index + 1 }
        return isFinal ? index + 1 : nil
    }

    private func scanField(from start: Int) -> Field {
        if start < bytes.count && bytes[start] == Self.quote { return scanQuotedField(from: start) }
        let end = endOfPlainText(from: start)
        guard end < bytes.count || isFinal else { return .needsMoreInput(isInsideQuotes: false) }
        guard let text = makeText(start..<end) else { return .invalidUTF8 }
        return .text(text, end: end)
    }

    /// The index of the first comma, CR or LF at or after `start`, or the end of the buffer.
    private func endOfPlainText(from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            index += 1
        }
        return index
    }

    private func scanQuotedField(from start: Int) -> Field {
        var index = start + 1
        var hasDoubledQuotes = false
        while true {
            guard let closing = firstQuote(from: index) else {
                return isFinal ? .unterminatedQuote : .needsMoreInput(isInsideQuotes: true)
            }
            if closing + 1 == bytes.count && !isFinal { return .needsMoreInput(isInsideQuotes: true) }
            if closing + 1 < bytes.count && bytes[closing + 1] == Self.quote {
                hasDoubledQuotes = true
                index = closing + 2
                continue
            }
            return finishQuotedField(content: start + 1..<closing, hasDoubledQuotes: hasDoubledQuotes)
        }
    }

    /// Builds the field's text, plus any stray text between the closing quote and the next separator.
    private func finishQuotedField(content: Range<Int>, hasDoubledQuotes: Bool) -> Field {
        let afterQuote = content.upperBound + 1
        let end = endOfPlainText(from: afterQuote)
        guard end < bytes.count || isFinal else { return .needsMoreInput(isInsideQuotes: false) }
        guard let text = hasDoubledQuotes ? makeUnescapedText(content) : makeText(content),
            let stray = makeText(afterQuote..<end)
        else { return .invalidUTF8 }
        return .text(stray.isEmpty ? text : text + stray, end: end)
    }

    private func firstQuote(from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == Self.quote { return index }
            index += 1
        }
        return nil
    }

    private func makeText(_ range: Range<Int>) -> String? {
        makeUTF8String(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// The text of `range` with each doubled quote read as one quote.
    private func makeUnescapedText(_ range: Range<Int>) -> String? {
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            unescaped.append(bytes[index])
            index += bytes[index] == Self.quote ? 2 : 1
        }
        return makeUTF8String(unescaped)
    }
}
