import ZhangguiCore

/// The order-level cells of an order's first row in the order template, kept to check the order's later rows.
///
/// A later row of the same order may repeat these cells or leave them empty; a cell that is filled in and says
/// something else is refused, because only the first row's value would be stored and the other silently lost.
/// Cells are compared by meaning: times as instants (`2024-06-18 20:15` equals `2024/6/18 20:15:00`), amounts in
/// fen (`10` equals `10.00`, and an empty 优惠 or 运费 equals `0`), texts after trimming.
struct OrderLevelCells {
    /// The columns that describe the whole order rather than one of its lines.
    static let columns = ["下单时间", "付款时间", "收货人", "手机", "省", "市", "区", "详细地址", "优惠", "运费", "买家留言", "卖家备注"]
    private static let timeColumns: Set<String> = ["下单时间", "付款时间"]
    private static let moneyColumns: Set<String> = ["优惠", "运费"]

    /// The row the cells were read from.
    let row: Int
    /// The cells as written; they are only parsed when a later row writes something else.
    private let texts: [String]

    /// Reads the order-level cells of an order's first row.
    init(_ fields: RowFields, calendar: BusinessCalendar) {
        row = fields.row.number
        texts = Self.columns.map { fields.text($0) }
    }

    /// Adds an issue to `fields` for each filled-in order-level cell that differs from the first row's.
    func check(_ fields: inout RowFields, calendar: BusinessCalendar) {
        for (column, first) in zip(Self.columns, texts) {
            let text = fields.text(column)
            guard !text.isEmpty, text != first else { continue }
            let same =
                Self.comparable(text, column: column, calendar: calendar)
                == Self.comparable(first, column: column, calendar: calendar)
            guard !same else { continue }
            fields.fail(
                column,
                "differs from row \(row) of the same order; repeat the first row's value or leave the cell empty"
            )
        }
    }

    /// The cell in a form where texts that mean the same compare equal; text that does not parse stays as it is.
    private static func comparable(_ text: String, column: String, calendar: BusinessCalendar) -> String {
        if timeColumns.contains(column), let instant = RowFields.instant(of: text, calendar: calendar) {
            return "\(instant)"
        }
        if moneyColumns.contains(column) {
            if text.isEmpty { return "0" }
            if let amount = try? Money.parse(text) { return "\(amount.fen)" }
        }
        return text
    }
}
