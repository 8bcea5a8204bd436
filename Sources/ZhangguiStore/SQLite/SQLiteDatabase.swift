import Dispatch
import Foundation

/// The embedded engine: one SQLite file in WAL mode.
///
/// One connection serves writers, serialised by a lock so that each business transaction runs alone and a
/// check-then-update inside it cannot race; a small pool of read-only connections serves readers, which in WAL mode
/// see the last committed state without waiting for writers or for each other.
///
/// `@unchecked Sendable`: the connections are not thread-safe (opened with SQLITE_OPEN_NOMUTEX). The writer is only
/// touched while `writerLock` is held; a reader only between taking its index from `idleReaders` and putting it
/// back, both under `readerLock`, so no two threads hold the same reader. `Mutex` cannot be used here because its
/// `sending` result rules out returning the generic, possibly non-Sendable values callers read.
public final class SQLiteDatabase: Database, @unchecked Sendable {
    public var dialect: SQLDialect { .sqlite }

    /// Read connections opened by default: as many as the HTTP server's threads, so a read never waits for another.
    public static let defaultReaderCount = 4

    private let writer: SQLiteConnection
    private let writerLock = NSLock()
    private let readers: [SQLiteConnection]
    private let readerLock = NSLock()
    private let readerSlots: DispatchSemaphore
    private var idleReaders: [Int]

    /// Opens (creating if needed) the database at `path` and applies the pragmas Zhanggui relies on.
    /// - Parameters:
    ///   - path: a file path, or `:memory:` for a private in-memory database (tests), which has no readers.
    ///   - readerCount: read-only connections to open (at least one); reads beyond that many wait for a free one.
    public init(path: String, readerCount: Int = defaultReaderCount) throws {
        let isMemory = path == ":memory:"
        writer = try SQLiteConnection(path: path, readOnly: false)
        try writer.configure(isMemory: isMemory)
        var readers: [SQLiteConnection] = []
        if !isMemory {
            for _ in 0..<max(1, readerCount) {
                let reader = try SQLiteConnection(path: path, readOnly: true)
                try reader.configure(isMemory: false)
                readers.append(reader)
            }
        }
        self.readers = readers
        idleReaders = Array(readers.indices)
        readerSlots = DispatchSemaphore(value: readers.count)
    }

    /// Closes the readers before the writer, so the writer is the last connection and checkpoints the write-ahead
    /// log into the database file on its way out.
    deinit {
        readerLock.withLock {
            for reader in readers { reader.close() }
        }
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
        guard !readers.isEmpty else { return try write(body) }
        readerSlots.wait()
        let index = readerLock.withLock { idleReaders.removeLast() }
        defer {
            readerLock.withLock { idleReaders.append(index) }
            readerSlots.signal()
        }
        return try readers[index].transaction(begin: "BEGIN", body)
    }
}
