/// Finds chosen elements in a streamed XML part and hands each complete element to a reader, one at a time.
///
/// Only the element being read and the unread rest of the current chunk are in memory, so a sheet of any length is
/// read row by row. Everything between the chosen elements is skipped.
final class XMLElementStream {
    /// One complete element: which of the chosen names it has, and a tokenizer over its bytes alone.
    struct Element {
        /// The position of the element's name in the list passed to `next`.
        var nameIndex: Int
        /// Tokens of the element from its start tag (index 0) to its end tag.
        var tokenizer: XMLTokenizer
        /// The start tag's attributes, as a range for `tokenizer`.
        var attributes: Range<Int>
        /// The index just after the start tag, where the element's content begins.
        var contentStart: Int
    }

    private let source: any ByteSource
    private let fileName: String
    private let part: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var isInputEnded = false

    /// Streams `source`, the part named `part` (for example `xl/worksheets/sheet1.xml`) of the file `fileName`.
    init(source: any ByteSource, fileName: String, part: String) {
        self.source = source
        self.fileName = fileName
        self.part = part
    }

    /// Reads the next element whose local name is one of `names` with `read`, or returns nil at the end of the part.
    func next<Result>(named names: [[UInt8]], _ read: (Element) throws(TableFileError) -> Result)
        throws(TableFileError) -> Result?
    {
        while true {
            let found = try buffer.withUnsafeBufferPointer { (bytes) throws(TableFileError) -> Search in
                try search(XMLTokenizer(bytes: bytes, isFinal: isInputEnded), names: names)
            }
            switch found {
            case .element(let range, let nameIndex, let startTag):
                position = range.upperBound
                return try buffer.withUnsafeBufferPointer { (bytes) throws(TableFileError) -> Result in
                    let tokenizer = XMLTokenizer(bytes: UnsafeBufferPointer(rebasing: bytes[range]), isFinal: true)
                    let base = range.lowerBound
                    let attributes = startTag.body.lowerBound - base..<startTag.body.upperBound - base
                    let element = Element(
                        nameIndex: nameIndex,
                        tokenizer: tokenizer,
                        attributes: attributes,
                        contentStart: startTag.end - base
                    )
                    return try read(element)
                }
            case .endOfInput: return nil
            case .needsMoreInput(let keepFrom): try refill(keepingFrom: keepFrom)
            }
        }
    }

    /// An error about this part.
    func malformed(_ detail: String) -> TableFileError {
        TableFileError(code: .malformedXML, file: fileName, detail: "\(part): \(detail)")
    }

    private enum Search {
        case element(Range<Int>, nameIndex: Int, startTag: XMLTokenizer.Token)
        case needsMoreInput(keepFrom: Int)
        case endOfInput
    }

    private func search(_ tokenizer: XMLTokenizer, names: [[UInt8]]) throws(TableFileError) -> Search {
        var index = position
        while true {
            switch tokenizer.token(at: index) {
            case .token(let token):
                let nameIndex = token.kind == .start ? names.firstIndex { tokenizer.matches(token.name, $0) } : nil
                guard let nameIndex else {
                    index = token.end
                    position = index
                    continue
                }
                return try findEnd(of: token, nameIndex: nameIndex, names: names, in: tokenizer)
            case .needsMoreInput: return .needsMoreInput(keepFrom: index)
            case .endOfInput: return .endOfInput
            case .malformed(let problem): throw malformed(problem)
            }
        }
    }

    private func findEnd(of start: XMLTokenizer.Token, nameIndex: Int, names: [[UInt8]], in tokenizer: XMLTokenizer)
        throws(TableFileError) -> Search
    {
        let elementStart = position
        guard !start.isSelfClosing else {
            return .element(elementStart..<start.end, nameIndex: nameIndex, startTag: start)
        }
        var index = start.end
        while true {
            switch tokenizer.token(at: index) {
            case .token(let token):
                if token.kind == .end && tokenizer.matches(token.name, names[nameIndex]) {
                    return .element(elementStart..<token.end, nameIndex: nameIndex, startTag: start)
                }
                index = token.end
            case .needsMoreInput: return .needsMoreInput(keepFrom: elementStart)
            case .endOfInput: throw malformed("an element is not closed")
            case .malformed(let problem): throw malformed(problem)
            }
        }
    }

    /// Drops bytes before `keepFrom`, then reads at least as many bytes as are kept, so an element is rescanned only
    /// a logarithmic number of times however long it is.
    private func refill(keepingFrom keepFrom: Int) throws(TableFileError) {
        buffer.removeFirst(keepFrom)
        position = 0
        let target = buffer.count + max(tableFileChunkSize, buffer.count)
        while buffer.count < target && !isInputEnded {
            isInputEnded = !(try source.read(appendingTo: &buffer))
        }
    }
}
