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

    /// The number a text starts with, as a `BIGINT`: SQLite's CAST reads the leading digits (0 when there are
    /// none); PostgreSQL's would fail on any other character, so there the leading digits are cut out first
    /// (NULL when there are none).
    func leadingNumber(_ expression: String) -> String {
        switch self {
        case .sqlite: "CAST(\(expression) AS BIGINT)"
        case .postgres: "CAST(SUBSTRING(\(expression) FROM '^[0-9]{1,18}') AS BIGINT)"
        }
    }
}
