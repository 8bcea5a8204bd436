/// The SQL flavours Zhanggui speaks. Services write portable SQL (`?` placeholders, `ON CONFLICT`,
/// `RETURNING`); the few places that differ ask the dialect.
public enum SQLDialect: String, Sendable {
    case sqlite
    case postgres
}

/// A connection inside a transaction: statements run, results come back as rows.
///
/// Only valid inside the `write` or `read` closure that handed it out.
public protocol DatabaseConnection: AnyObject {
    var dialect: SQLDialect { get }

    /// Runs a statement and returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int

    /// Runs a query and returns all its rows.
    func query(_ sql: String, _ arguments: [any SQLBindable]) throws -> [Row]

    /// Runs a query and hands each row to `body` without collecting them, for large scans.
    func forEach(_ sql: String, _ arguments: [any SQLBindable], _ body: (Row) throws -> Void) throws

    /// Runs `body` inside a savepoint: if it throws, only its own changes are undone and the error is rethrown.
    func savepoint<T>(_ body: () throws -> T) throws -> T
}

extension DatabaseConnection {
    @discardableResult
    public func execute(_ sql: String, _ arguments: any SQLBindable...) throws -> Int {
        try execute(sql, arguments)
    }

    public func query(_ sql: String, _ arguments: any SQLBindable...) throws -> [Row] {
        try query(sql, arguments)
    }

    /// The first row of a query, or nil.
    public func queryOne(_ sql: String, _ arguments: any SQLBindable...) throws -> Row? {
        try query(sql, arguments).first
    }
}

/// A database the services use through transactions, whatever the engine.
public protocol Database: Sendable {
    var dialect: SQLDialect { get }

    /// Runs `body` in a write transaction: committed when it returns, rolled back when it throws.
    /// Writers are serialised, so a check-then-update inside `body` cannot race another writer.
    ///
    /// An engine may run `body` more than once: PostgreSQL rolls back a writer that lost a conflict with another
    /// and runs it again. So `body` keeps its effects in the transaction and its return value, never in state
    /// outside it (a counter, a consumed file reader, a message sent).
    @discardableResult
    func write<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T

    /// Runs `body` in a read transaction that sees one consistent snapshot.
    func read<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T
}
