/// One result row, read by column position in the order of the `SELECT` list.
public struct Row: Sendable, Hashable {
    public let values: [SQLValue]

    public init(values: [SQLValue]) {
        self.values = values
    }

    /// The integer in column `index`; 0 for NULL. Booleans are stored as 0 and 1.
    public func int(_ index: Int) -> Int64 {
        switch values[index] {
        case .integer(let value): value
        case .real(let value): Int64(value)
        case .text(let text): Int64(text) ?? 0
        case .null: 0
        }
    }

    /// The integer in column `index`, or nil for NULL.
    public func optionalInt(_ index: Int) -> Int64? {
        if case .null = values[index] { return nil }
        return int(index)
    }

    /// The text in column `index`; empty for NULL.
    public func string(_ index: Int) -> String {
        switch values[index] {
        case .text(let text): text
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .null: ""
        }
    }

    /// The text in column `index`, or nil for NULL.
    public func optionalString(_ index: Int) -> String? {
        if case .null = values[index] { return nil }
        return string(index)
    }

    public func bool(_ index: Int) -> Bool { int(index) != 0 }
}
