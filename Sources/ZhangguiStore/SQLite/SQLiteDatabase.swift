import Foundation

/// The embedded engine: one SQLite file in WAL mode.
///
/// One connection serves writers, serialised by a lock so that each business transaction runs alone and a
/// check-then-update inside it cannot race; a second connection serves readers, which in WAL mode see the last
/// committed state without waiting for writers.
///
/// `@unchecked Sendable`: the two connections are not thread-safe (opened with SQLITE_OPEN_NOMUTEX), and each is
/// only ever touched while its own lock is held, in `write` and `read` below. `Mutex` cannot be used here because
/// its `sending` result rules out returning the generic, possibly non-Sendable values callers read.
public final class SQLiteDatabase: Database, @unchecked Sendable {
    public var dialect: SQLDialect { .sqlite }

    private let writer: SQLiteConnection
    private let writerLock = NSLock()
    private let reader: SQLiteConnection?
    private let readerLock = NSLock()

    /// Opens (creating if needed) the database at `path` and applies the pragmas Zhanggui relies on.
    /// - Parameter path: a file path, or `:memory:` for a private in-memory database (tests).
    public init(path: String) throws {
        let isMemory = path == ":memory:"
        writer = try SQLiteConnection(path: path, readOnly: false)
        try writer.configure(isMemory: isMemory)
        if isMemory {
            reader = nil
        } else {
            let readerConnection = try SQLiteConnection(path: path, readOnly: true)
            try readerConnection.configure(isMemory: false)
            reader = readerConnection
        }
    }

    /// Closes the reader before the writer, so the writer is the last connection and checkpoints the write-ahead
    /// log into the database file on its way out.
    deinit {
        readerLock.withLock { reader?.close() }
        writerLock.withLock { writer.close() }
    }

    @discardableResult
    public func write<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        try writerLock.withLock {
            try writer.transaction(begin: "BEGIN IMMEDIATE", body)
        }
    }

    /// An in-memory database has no shared file, so its reads go through the writer connection.
    public func read<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        guard let reader else { return try write(body) }
        return try readerLock.withLock {
            try reader.transaction(begin: "BEGIN", body)
        }
    }
}
