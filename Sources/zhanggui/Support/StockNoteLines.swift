import ZhangguiCore
import ZhangguiServices

/// The lines of `zhanggui stock receive|issue` as typed: `SKU:QUANTITY:UNIT_COST` on a receipt (the cost in yuan,
/// such as `10.95`), `SKU:QUANTITY` on an issue, all in the warehouse of `--warehouse`.
enum StockNoteLines {
    /// The form of one line, for messages.
    static func form(_ kind: StockNoteKind) -> String {
        kind == .receipt ? "SKU:QUANTITY:UNIT_COST" : "SKU:QUANTITY"
    }

    /// Parses every line.
    /// - Throws: ``UsageError`` naming the line (counted from 1), what was typed and what is wrong.
    static func parse(_ words: [String], kind: StockNoteKind, warehouse: String) throws(UsageError)
        -> [StockNoteLineDraft]
    {
        guard !words.isEmpty else { throw UsageError("stock \(verb(kind)) needs at least one \(form(kind))") }
        var lines: [StockNoteLineDraft] = []
        for (index, word) in words.enumerated() {
            lines.append(try parse(word, kind: kind, warehouse: warehouse, number: index + 1))
        }
        return lines
    }

    /// The subcommand of `kind`: receive or issue.
    static func verb(_ kind: StockNoteKind) -> String {
        kind == .receipt ? "receive" : "issue"
    }

    private static func parse(_ word: String, kind: StockNoteKind, warehouse: String, number: Int)
        throws(UsageError) -> StockNoteLineDraft
    {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let label = "line \(number) '\(Output.printable(word))'"
        guard parts.count == (kind == .receipt ? 3 : 2), !parts[0].isEmpty else {
            throw UsageError("\(label): write \(form(kind))")
        }
        guard let quantity = Int64(parts[1]) else {
            throw UsageError("\(label): the quantity '\(Output.printable(parts[1]))' is not a whole number")
        }
        var unitCost: Money?
        if kind == .receipt {
            do {
                unitCost = try Money.parse(parts[2])
            } catch {
                throw UsageError("\(label): the unit cost '\(Output.printable(parts[2]))' is not an amount in yuan")
            }
        }
        return StockNoteLineDraft(warehouseCode: warehouse, skuCode: parts[0], quantity: quantity, unitCost: unitCost)
    }
}
