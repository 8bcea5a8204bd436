import CSQLite

/// One open SQLite handle with its cache of prepared statements. Not thread-safe: ``SQLiteDatabase`` keeps each
/// connection behind a mutex.
final class SQLiteConnection: DatabaseConnection {
    var dialect: SQLDialect { .sqlite }

    let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]
    private var savepointDepth = 0
    private let isReadOnly: Bool

    init(path: String, readOnly: Bool) throws {
        var opened: OpaquePointer?
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &opened, flags, nil)
        guard status == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(opened)
            throw DatabaseError(kind: .cannotOpen, engineCode: "\(status)", message: message)
        }
        handle = opened
        isReadOnly = readOnly
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, 5000)
    }

    private var isClosed = false

    deinit {
        close()
    }

    /// Finalises the cached statements and closes the handle; idempotent. The last connection to close in WAL
    /// mode checkpoints the log into the database file and removes it, leaving one self-contained file.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        for statement in statements.values { sqlite3_finalize(statement) }
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    func configure(isMemory: Bool) throws {
        if !isMemory, !isReadOnly { try run("PRAGMA journal_mode = WAL") }
        if !isReadOnly { try run("PRAGMA synchronous = NORMAL") }
        try run("PRAGMA foreign_keys = ON")
        try run("PRAGMA temp_store = MEMORY")
        try run("PRAGMA cache_size = -32000")
    }

    func transaction<T>(begin: String, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        // Through the statement cache: every request's read runs one, and parsing BEGIN and COMMIT each time
        // cost more than a short query.
        try execute(begin, [])
        do {
            let result = try body(self)
            try execute("COMMIT", [])
            return result
        } catch {
            try? run("ROLLBACK")
            throw error
        }
    }

    func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        let name = "sp\(savepointDepth)"
        defer { savepointDepth -= 1 }
        // Through the statement cache: a savepoint per trade in a batch would otherwise parse SQL every time.
        try execute("SAVEPOINT \(name)", [])
        do {
            let result = try body()
            try execute("RELEASE \(name)", [])
            return result
        } catch {
            try execute("ROLLBACK TO \(name)", [])
            try execute("RELEASE \(name)", [])
            throw error
        }
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int {
        let statement = try prepared(sql, arguments)
        defer { sqlite3_reset(statement) }
        while try step(statement) {}
        return Int(sqlite3_changes(handle))
    }

    func query(_ sql: String, _ arguments: [any SQLBindable]) throws -> [Row] {
        var rows: [Row] = []
        try forEach(sql, arguments) { rows.append($0) }
        return rows
    }

    func forEach(_ sql: String, _ arguments: [any SQLBindable], _ body: (Row) throws -> Void) throws {
        let statement = try prepared(sql, arguments)
        defer { sqlite3_reset(statement) }
        let columns = sqlite3_column_count(statement)
        while try step(statement) {
            try body(Row(values: (0..<columns).map { column(statement, $0) }))
        }
    }

    /// Runs a statement without arguments or results, uncached (pragmas, transaction control, schema).
    func run(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        guard status == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw Self.error(status: status, message: text)
        }
    }

    private func prepared(_ sql: String, _ arguments: [any SQLBindable]) throws -> OpaquePointer {
        let statement: OpaquePointer
        if let cached = statements[sql] {
            statement = cached
        } else {
            var created: OpaquePointer?
            let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &created, nil)
            guard status == SQLITE_OK, let created else { throw lastError(status) }
            statements[sql] = created
            statement = created
        }
        sqlite3_clear_bindings(statement)
        guard Int(sqlite3_bind_parameter_count(statement)) == arguments.count else {
            throw DatabaseError(
                kind: .other,
                engineCode: "bind",
                message:
                    "statement expects \(sqlite3_bind_parameter_count(statement)) arguments, got \(arguments.count)"
            )
        }
        for (offset, argument) in arguments.enumerated() {
            try bind(argument.sqlValue, at: Int32(offset + 1), in: statement)
        }
        return statement
    }

    private func bind(_ value: SQLValue, at index: Int32, in statement: OpaquePointer) throws {
        let status: Int32
        switch value {
        case .null: status = sqlite3_bind_null(statement, index)
        case .integer(let number): status = sqlite3_bind_int64(statement, index, number)
        case .real(let number): status = sqlite3_bind_double(statement, index, number)
        case .text(let text): status = sqlite3_bind_text(statement, index, text, -1, sqliteTransient)
        }
        guard status == SQLITE_OK else { throw lastError(status) }
    }

    private func step(_ statement: OpaquePointer) throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let status: throw lastError(status)
        }
    }

    private func column(_ statement: OpaquePointer, _ index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
        case SQLITE_NULL: return .null
        default:
            guard let text = sqlite3_column_text(statement, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        }
    }

    private func lastError(_ status: Int32) -> DatabaseError {
        Self.error(status: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
    }

    private static func error(status: Int32, message: String) -> DatabaseError {
        let kind: DatabaseError.Kind =
            switch status {
            case zhanggui_sqlite_constraint_unique, zhanggui_sqlite_constraint_primarykey: .uniqueViolation
            case zhanggui_sqlite_constraint_check: .checkViolation
            case zhanggui_sqlite_constraint_foreignkey: .foreignKeyViolation
            case zhanggui_sqlite_constraint_notnull: .notNullViolation
            case zhanggui_sqlite_constraint_trigger: .refusedByTrigger
            case SQLITE_BUSY, SQLITE_LOCKED: .busy
            case SQLITE_CANTOPEN, SQLITE_NOTADB: .cannotOpen
            default: status & 0xff == SQLITE_CONSTRAINT ? .refusedByTrigger : .other
            }
        return DatabaseError(kind: kind, engineCode: "\(status)", message: message)
    }
}

/// SQLITE_TRANSIENT, which Swift cannot import because it is a cast macro: SQLite copies the bound text.
private let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
