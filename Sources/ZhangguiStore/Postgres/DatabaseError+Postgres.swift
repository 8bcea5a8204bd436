extension DatabaseError {
    /// Classifies a PostgreSQL error by its SQLSTATE.
    ///
    /// Only the server's primary message is kept, never its detail, which quotes the refused row. For data
    /// exceptions (class 22), whose primary message can quote the offending value, the quoted parts are dropped too.
    static func postgres(sqlState: String, message: String) -> DatabaseError {
        let kind: Kind =
            switch sqlState {
            case "23505": .uniqueViolation
            case "23514": .checkViolation
            case "23503": .foreignKeyViolation
            case "23502": .notNullViolation
            case "P0001": .refusedByTrigger
            case "40001", "40P01": .busy
            case _ where sqlState.hasPrefix("08") || sqlState.hasPrefix("28"): .cannotOpen
            default: .other
            }
        let text = sqlState.hasPrefix("22") ? Self.withoutQuotedValues(message) : message
        return DatabaseError(kind: kind, engineCode: sqlState, message: text)
    }

    /// Whether running the whole transaction again may succeed: a serialization failure or a deadlock.
    var isRetryableConflict: Bool { engineCode == "40001" || engineCode == "40P01" }

    /// `message` with every double-quoted part replaced by `"…"`.
    private static func withoutQuotedValues(_ message: String) -> String {
        var result = ""
        var isQuoted = false
        for character in message {
            if character == "\"" {
                result += isQuoted ? "…\"" : "\""
                isQuoted.toggle()
            } else if !isQuoted {
                result.append(character)
            }
        }
        return result
    }
}
