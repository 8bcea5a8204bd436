extension DatabaseConnection {
    /// Runs `body`, whose statements may fail with an error the caller handles and then goes on using the
    /// transaction, such as a CHECK violation turned into a business error after reading the row again.
    ///
    /// SQLite undoes only a failed statement. PostgreSQL marks the whole transaction failed, and refuses every
    /// statement after it; there `body` runs in a savepoint, which undoes its own changes on failure and leaves
    /// the transaction usable.
    @discardableResult
    public func recoverable<T>(_ body: () throws -> T) throws -> T {
        switch dialect {
        case .sqlite: try body()
        case .postgres: try savepoint(body)
        }
    }
}
