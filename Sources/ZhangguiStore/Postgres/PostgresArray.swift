/// A PostgreSQL array literal (`{1,2,3}`, `{"SF1",NULL}`), sent as one text argument and cast in the statement
/// (`CAST(? AS BIGINT[])`), so a whole batch travels in a fixed statement whatever its length.
enum PostgresArray {
    /// The literal of a list of integers.
    static func literal(_ values: [Int64]) -> String {
        "{" + values.map(String.init).joined(separator: ",") + "}"
    }

    /// The literal of a list of integers; nil stands for SQL NULL.
    static func literal(_ values: [Int64?]) -> String {
        "{" + values.map { $0.map(String.init) ?? "NULL" }.joined(separator: ",") + "}"
    }

    /// The literal of a list of texts; nil stands for SQL NULL. Every element is quoted, with `"` and `\` escaped.
    static func literal(_ values: [String?]) -> String {
        "{" + values.map(element).joined(separator: ",") + "}"
    }

    private static func element(_ value: String?) -> String {
        guard let value else { return "NULL" }
        var quoted = "\""
        for character in value {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
