/// A failure reported by the database engine, classified so services can react without knowing the engine.
///
/// `description` holds the engine's message and never the statement's arguments, which may be personal data.
public struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A UNIQUE or PRIMARY KEY constraint refused the row.
        case uniqueViolation
        /// A CHECK constraint refused the row, such as stock going below zero.
        case checkViolation
        case foreignKeyViolation
        case notNullViolation
        /// A trigger refused the change, such as an update of the append-only stock ledger.
        case refusedByTrigger
        /// The database is locked by another process for too long.
        case busy
        /// The file cannot be opened or is not a database.
        case cannotOpen
        /// The database belongs to another application: it has tables but not Zhanggui's schema.
        case foreignSchema
        case other
    }

    public let kind: Kind
    /// The engine's own code (SQLite extended result code, or a PostgreSQL SQLSTATE).
    public let engineCode: String
    public let message: String

    public init(kind: Kind, engineCode: String, message: String) {
        self.kind = kind
        self.engineCode = engineCode
        self.message = message
    }

    public var description: String { "database \(kind.rawValue) (\(engineCode)): \(message)" }
}
