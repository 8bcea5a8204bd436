extension SQLDialect {
    /// An aggregate joining the texts of `expression` with `separator` (an SQL string literal's content), ordered
    /// by `order`. SQLite 3.40 cannot order inside an aggregate and joins in the order it reads the rows; the
    /// callers read them through an index in that order.
    func joinedTexts(_ expression: String, separator: String, orderedBy order: String) -> String {
        switch self {
        case .sqlite: "GROUP_CONCAT(\(expression), '\(separator)')"
        case .postgres: "string_agg(\(expression), '\(separator)' ORDER BY \(order))"
        }
    }

}
