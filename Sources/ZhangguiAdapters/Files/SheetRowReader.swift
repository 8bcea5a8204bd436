/// Reads the rows of one worksheet part, one `<row>` element at a time, rendering each cell as Excel shows it.
final class SheetRowReader {
    private static let rowName = [Array("row".utf8)]
    private static let numberName = Array("r".utf8)

    private let stream: XMLElementStream
    private let renderer: CellRenderer
    private let fileName: String
    private var lastRowNumber = 0

    init(stream: XMLElementStream, renderer: CellRenderer, fileName: String) {
        self.stream = stream
        self.renderer = renderer
        self.fileName = fileName
    }

    /// The next row's number and cell texts, gaps filled with empty strings; nil after the last row.
    ///
    /// - Throws: errors of a row name it; errors of the sheet's XML or archive name the last row read before them.
    func nextRow() throws(TableFileError) -> (number: Int, values: [String])? {
        do {
            let row = try stream.next(named: Self.rowName) { (element) throws(TableFileError) in try read(element) }
            if let row { lastRowNumber = row.number }
            return row
        } catch  where error.row == nil && lastRowNumber > 0 {
            let detail = "\(error.detail) (after row \(lastRowNumber))"
            throw TableFileError(code: error.code, file: error.file, detail: detail)
        }
    }

    private func read(_ element: XMLElementStream.Element) throws(TableFileError) -> (number: Int, values: [String]) {
        let tokenizer = element.tokenizer
        let declared = tokenizer.attribute(Self.numberName, in: element.attributes).flatMap(tokenizer.integer)
        let number = declared ?? lastRowNumber + 1
        var cells = SheetCellParser(tokenizer: tokenizer)
        do {
            return (number, try cells.values(from: element.contentStart, renderer: renderer))
        } catch {
            throw TableFileError(code: error.code, file: fileName, row: number, detail: error.detail)
        }
    }
}

/// Walks the `<c>` elements of one row and places each cell's text by its column.
struct SheetCellParser {
    private static let cellName = Array("c".utf8)
    private static let valueName = Array("v".utf8)
    private static let inlineName = Array("is".utf8)
    private static let referenceName = Array("r".utf8)
    private static let typeName = Array("t".utf8)
    private static let styleName = Array("s".utf8)

    let tokenizer: XMLTokenizer
    private var values: [String] = []
    private var cell = CellRenderer.Cell()
    private var isInValue = false
    private var inlineText: RichTextBuilder?

    init(tokenizer: XMLTokenizer) {
        self.tokenizer = tokenizer
    }

    /// The row's cell texts; errors carry the code and detail, and the caller adds file and row.
    mutating func values(from start: Int, renderer: CellRenderer) throws(TableFileError) -> [String] {
        var index = start
        while case .token(let token) = tokenizer.token(at: index) {
            index = token.end
            guard try take(token, renderer: renderer) else {
                throw Self.failure(.badEncoding, "text is not valid UTF-8")
            }
        }
        return values
    }

    /// Takes one token of the row; returns false when text in it is not valid UTF-8.
    private mutating func take(_ token: XMLTokenizer.Token, renderer: CellRenderer) throws(TableFileError) -> Bool {
        if var builder = inlineText {
            if token.kind == .end && tokenizer.matches(token.name, Self.inlineName) {
                cell.text = builder.text
                inlineText = nil
                return true
            }
            defer { inlineText = builder }
            return builder.take(token, from: tokenizer)
        }
        switch token.kind {
        case .start where tokenizer.matches(token.name, Self.cellName):
            startCell(token)
            if token.isSelfClosing { try finishCell(renderer) }
        case .end where tokenizer.matches(token.name, Self.cellName): try finishCell(renderer)
        case .start where tokenizer.matches(token.name, Self.valueName): isInValue = !token.isSelfClosing
        case .end where tokenizer.matches(token.name, Self.valueName): isInValue = false
        case .start where tokenizer.matches(token.name, Self.inlineName) && !token.isSelfClosing:
            inlineText = RichTextBuilder()
        case .text where isInValue:
            guard let text = tokenizer.decodedText(token.body, isLiteral: token.isLiteral) else { return false }
            cell.text += text
        default: break
        }
        return true
    }

    private mutating func startCell(_ token: XMLTokenizer.Token) {
        let reference = tokenizer.attribute(Self.referenceName, in: token.body).flatMap(columnIndex)
        cell = CellRenderer.Cell(
            column: reference ?? values.count,
            type: tokenizer.attributeText(Self.typeName, in: token.body).map(CellRenderer.CellType.init) ?? .number,
            style: tokenizer.attribute(Self.styleName, in: token.body).flatMap(tokenizer.integer) ?? 0
        )
        isInValue = false
    }

    private mutating func finishCell(_ renderer: CellRenderer) throws(TableFileError) {
        let text = try renderer.text(of: cell)
        if cell.column < values.count {
            values[cell.column] = text
        } else {
            values.append(contentsOf: repeatElement("", count: cell.column - values.count))
            values.append(text)
        }
    }

    /// The zero-based column of a cell reference such as `C5` (2) or `AA10` (26); nil when it has no letters or
    /// lies beyond Excel's last column, XFD.
    private func columnIndex(_ reference: Range<Int>) -> Int? {
        var column = 0
        for index in reference {
            let letter = tokenizer.bytes[index] & 0xDF
            guard letter >= UInt8(ascii: "A") && letter <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(letter - UInt8(ascii: "A")) + 1
            guard column <= 16_384 else { return nil }
        }
        return column > 0 ? column - 1 : nil
    }

    static func failure(_ code: TableFileError.Code, _ detail: String) -> TableFileError {
        TableFileError(code: code, file: "", detail: detail)
    }
}
