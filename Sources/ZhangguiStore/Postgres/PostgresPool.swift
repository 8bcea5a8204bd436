import Foundation

/// Up to `capacity` connections to one database, each lent to one transaction at a time.
///
/// `@unchecked Sendable`: the list of idle connections and the count of open ones are only touched while
/// `condition` is locked. A connection itself is not thread-safe; the pool hands it to one caller, which alone uses
/// it until it comes back, and libpq allows a connection to move between threads that way.
final class PostgresPool: @unchecked Sendable {
    private let url: String
    private let capacity: Int
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var openCount = 0

    init(url: String, capacity: Int) {
        precondition(capacity > 0, "a pool holds at least one connection")
        self.url = url
        self.capacity = capacity
    }

    /// Runs `body` with a connection of its own, waiting while all `capacity` are lent out; a connection is opened
    /// when none is idle and the pool is not full.
    /// - Throws: ``DatabaseError`` of kind `cannotOpen` when a new connection fails, or the body's error.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    /// Closes the idle connections; the ones lent out close when they come back.
    func closeIdle() {
        let closing = condition.withLock {
            defer { idle.removeAll() }
            openCount -= idle.count
            return idle
        }
        for connection in closing { connection.close() }
    }

    private func checkOut() throws -> PostgresConnection {
        condition.lock()
        while idle.isEmpty, openCount >= capacity { condition.wait() }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        openCount += 1
        condition.unlock()
        do {
            return try PostgresConnection(url: url)
        } catch {
            condition.withLock {
                openCount -= 1
                condition.signal()
            }
            throw error
        }
    }

    /// Takes a connection back; one that broke or is stuck in a transaction is closed instead of kept.
    private func checkIn(_ connection: PostgresConnection) {
        let isReusable = connection.isReusable
        if !isReusable { connection.close() }
        condition.withLock {
            if isReusable { idle.append(connection) } else { openCount -= 1 }
            condition.signal()
        }
    }
}
