/// Turns a cell's stored value into the text a seller sees in Excel.
struct CellRenderer {
    /// The cell types of the `t` attribute.
    enum CellType {
        /// `s`: an index into the shared strings.
        case shared
        /// `inlineStr`: the text is in the cell.
        case inline
        /// `str`: the text result of a formula.
        case formulaText
        /// `b`: 0 or 1.
        case boolean
        /// `e`: an error value such as `#N/A`.
        case error
        /// `d`: an ISO 8601 date (strict Open XML only).
        case isoDate
        /// `n`, or no `t` at all.
        case number

        /// The type named by a `t` attribute; unknown names are numbers, Excel's default.
        init(_ name: String) {
            switch name {
            case "s": self = .shared
            case "inlineStr": self = .inline
            case "str": self = .formulaText
            case "b": self = .boolean
            case "e": self = .error
            case "d": self = .isoDate
            default: self = .number
            }
        }
    }

    /// A cell as stored in the sheet: where it is, its type (`t`), style index (`s`) and raw value.
    struct Cell {
        var column = 0
        var type = CellType.number
        var style = 0
        /// The `<v>` text, or the joined `<t>` runs of an inline string.
        var text = ""
    }

    let sharedStrings: SharedStrings
    let styles: CellStyles
    let uses1904Dates: Bool

    /// The cell's text by type: shared (`s`) and inline strings as stored, formula strings (`str`) and errors
    /// (`e`, such as `#N/A`) as stored, Booleans as `TRUE`/`FALSE`, numbers in General format — or, when the cell's
    /// style is a date format, as `yyyy-MM-dd HH:mm:ss` (`yyyy-MM-dd` at midnight; see `ExcelDate`).
    ///
    /// - Throws: `malformedXML` for a shared string index the table does not have.
    func text(of cell: Cell) throws(TableFileError) -> String {
        switch cell.type {
        case .shared:
            guard !cell.text.isEmpty else { return "" }
            guard let index = Int(cell.text), let text = sharedStrings[index] else {
                throw SheetCellParser.failure(.malformedXML, "a cell refers to a shared string that does not exist")
            }
            return text
        case .boolean: return cell.text == "1" || cell.text == "true" ? "TRUE" : "FALSE"
        case .inline, .formulaText, .error, .isoDate: return cell.text
        case .number: return number(cell)
        }
    }

    private func number(_ cell: Cell) -> String {
        guard !cell.text.isEmpty else { return "" }
        if styles.isDate(style: cell.style), let serial = Double(cell.text),
            let date = ExcelDate.text(serial: serial, uses1904Dates: uses1904Dates)
        {
            return date
        }
        return ExcelValueText.number(cell.text)
    }
}
