/// The server engine: a PostgreSQL database shared by any number of Zhanggui processes.
///
/// A small pool of connections serves transactions, each connection one transaction at a time, so readers and
/// writers of one process run side by side.
///
/// Writes run `SERIALIZABLE`: PostgreSQL lets them overlap but guarantees the outcome of running them one after
/// another, which is what the services were written against (``Database/write(_:)`` promises serialised
/// writers). Two processes approving the last units of a SKU therefore cannot both succeed, and a check-then-update
/// never races; the CHECK on `stock_balances` and the `WHERE state = ?` guards stay as a second line. The price is
/// that an overlapping writer can be refused with a serialization failure (SQLSTATE 40001) or a deadlock (40P01);
/// ``write(_:)`` then runs the whole transaction again as ``WriteRetryPolicy`` says, and reports ``DatabaseError``
/// of kind `busy` only when every attempt failed. `READ COMMITTED` with explicit row locks was the alternative: it
/// would have needed a `SELECT … FOR UPDATE` before every read-then-write (moving-average costs, voucher numbers,
/// shipments to merge into), each a place to forget one.
///
/// Reads run `REPEATABLE READ READ ONLY`: one consistent snapshot, which never blocks a writer or makes one fail.
///
/// Because a write may run more than once, its body must keep its effects inside the transaction and its return
/// value: counters or reports built outside the closure would count a retried attempt twice.
///
/// Sendable: its state is the pool, which guards itself, and immutable settings.
public final class PostgresDatabase: Database, Sendable {
    public var dialect: SQLDialect { .postgres }

    private let pool: PostgresPool
    private let retries: WriteRetryPolicy
    private let maximumConnections: Int

    /// Connects to the database `url` names and keeps up to `maximumConnections` connections open.
    /// - Parameter url: `postgres://user@host:port/database` or `postgresql://…`, with libpq's query options.
    /// - Throws: ``DatabaseError`` of kind `cannotOpen` when the first connection fails.
    public init(url: String, maximumConnections: Int = 4) throws {
        pool = PostgresPool(url: url, capacity: maximumConnections)
        retries = WriteRetryPolicy()
        self.maximumConnections = maximumConnections
        try pool.withConnection { _ in }
    }

    deinit {
        pool.closeIdle()
    }

    @discardableResult
    public func write<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            let kind: PostgresConnection.TransactionKind = retries.isExclusive(attempt) ? .exclusiveWrite : .write
            do {
                return try transaction(kind, body)
            } catch let error as DatabaseError where error.isRetryableConflict {
                guard attempt < retries.maximumAttempts else {
                    throw DatabaseError(
                        kind: .busy,
                        engineCode: error.engineCode,
                        message: "\(error.message) (gave up after \(attempt) attempts)"
                    )
                }
                retries.pause(after: attempt)
                attempt += 1
            }
        }
    }

    public func read<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        try transaction(.read, body)
    }

    /// Runs one transaction on a connection from the pool. A connection found broken before the transaction
    /// began is dropped and the next one tried, so a server restart costs no failed command; after as many tries
    /// as the pool holds connections, plus a new one, the failure is reported.
    private func transaction<T>(
        _ kind: PostgresConnection.TransactionKind,
        _ body: (any DatabaseConnection) throws -> T
    ) throws -> T {
        var tries = 0
        while true {
            do {
                return try pool.withConnection { try $0.transaction(kind, body) }
            } catch let broken as PostgresConnection.BrokenBeforeBegin {
                tries += 1
                if tries > maximumConnections { throw broken.error }
            }
        }
    }

    /// Runs one statement without arguments outside any transaction, for the few that refuse to run inside one
    /// (`CREATE DATABASE`, `DROP DATABASE`, `VACUUM`).
    /// - Throws: ``DatabaseError``.
    public func executeOutsideTransaction(_ sql: String) throws {
        try pool.withConnection { try $0.run(sql) }
    }

    /// Closes the connections no transaction is using, such as before the database is dropped.
    public func closeIdleConnections() {
        pool.closeIdle()
    }
}
