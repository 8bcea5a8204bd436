import CLibPQ

extension PostgresConnection {
    /// How a transaction begins, and how it stands towards the other writers of the database.
    enum TransactionKind {
        /// Serializable, beside other writers: holds the writers' lock in shared mode until it ends.
        case write
        /// Serializable, alone among writers: holds the writers' lock in exclusive mode, taken before the
        /// transaction begins so that its snapshot already sees every writer before it.
        case exclusiveWrite
        /// Repeatable read, read-only: one snapshot, and never a cause of another transaction's failure.
        case read
    }

    /// The advisory lock every Zhanggui writer takes, one per database: "zhanggui" in ASCII.
    static let writersLockKey: Int64 = 0x7A68_616E_6767_7569

    /// The connection turned out to be broken before the transaction began, such as one the server closed while
    /// it was idle in the pool (a restart, an idle timeout). Nothing ran, so another connection may try again.
    struct BrokenBeforeBegin: Error {
        let error: DatabaseError
    }

    /// Runs `body` in a transaction of `kind`: committed when it returns, rolled back when it throws.
    /// - Throws: the body's error; or, when the transaction met a serialization failure or deadlock (even one the
    ///   body caught), that conflict, so the caller can run the transaction again.
    func transaction<T>(_ kind: TransactionKind, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        conflict = nil
        deferred.removeAll()
        do {
            if kind == .exclusiveWrite { try run("SELECT pg_advisory_lock(\(Self.writersLockKey))") }
            try run(Self.begin(kind))
        } catch let error as DatabaseError where PQstatus(handle) != CONNECTION_OK {
            throw BrokenBeforeBegin(error: error)
        }
        defer { if kind == .exclusiveWrite { releaseExclusiveLock() } }
        do {
            let result = try body(self)
            try commit()
            return result
        } catch {
            deferred.removeAll()
            _ = try? run("ROLLBACK")
            throw conflict ?? error
        }
    }

    private static func begin(_ kind: TransactionKind) -> String {
        switch kind {
        case .write:
            "BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT pg_advisory_xact_lock_shared(\(writersLockKey))"
        case .exclusiveWrite: "BEGIN ISOLATION LEVEL SERIALIZABLE"
        case .read: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
        }
    }

    /// Commits, unless a statement failed earlier: PostgreSQL would then answer COMMIT by rolling back quietly.
    private func commit() throws {
        if let conflict { throw conflict }
        guard PQtransactionStatus(handle) == PQTRANS_INTRANS else {
            throw DatabaseError(
                kind: .other,
                engineCode: "25P02",
                message: "a statement failed earlier in the transaction, so it was rolled back"
            )
        }
        deferred.removeAll()  // COMMIT releases every savepoint
        try run("COMMIT")
    }

    /// Gives the exclusive writers' lock back; a connection that cannot is closed, which releases it too.
    private func releaseExclusiveLock() {
        if (try? run("SELECT pg_advisory_unlock(\(Self.writersLockKey))")) == nil { close() }
    }
}
