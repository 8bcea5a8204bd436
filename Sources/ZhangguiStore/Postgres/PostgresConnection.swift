import CLibPQ

/// One libpq connection with its prepared statements. Not thread-safe: ``PostgresDatabase`` lends each connection
/// to one transaction at a time.
///
/// A statement with arguments is prepared on the server the first time its SQL is seen (its `?` placeholders
/// numbered once) and only executed after that, which halves the time of a typical statement; a statement without
/// arguments is sent as it is. Parameters and results travel as text (see ``PostgresValues``). Savepoint commands
/// wait and go out with the next statement, in one round trip (see ``savepoint(_:)``).
final class PostgresConnection: DatabaseConnection {
    var dialect: SQLDialect { .postgres }

    let handle: OpaquePointer
    /// Prepared statements by the SQL as written: the server-side name and the number of parameters.
    private var statements: [String: (name: String, parameterCount: Int)] = [:]
    private var savepointDepth = 0
    private var isClosed = false
    /// The serialization failure or deadlock the current transaction met. It is kept even when the body catches
    /// the error, because the transaction can then only be rolled back and run again.
    var conflict: DatabaseError?
    /// Savepoint commands not sent yet, in order.
    var deferred: [String] = []

    /// Connects to the server `url` names (`postgres://` or `postgresql://`, libpq's URI syntax).
    /// - Throws: ``DatabaseError`` of kind `cannotOpen`, with libpq's message, which never holds the password.
    init(url: String) throws {
        let settings: [(String, String)] = [
            ("fallback_application_name", "zhanggui"), ("dbname", url), ("client_encoding", "UTF8"),
        ]
        let opened = PostgresValues.withCStrings(settings.map(\.0) + [nil]) { keywords in
            PostgresValues.withCStrings(settings.map(\.1) + [nil]) { values in
                PQconnectdbParams(keywords, values, 1)
            }
        }
        guard let opened, PQstatus(opened) == CONNECTION_OK else {
            let message = opened.map { Self.text(PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(opened)
            throw DatabaseError(kind: .cannotOpen, engineCode: "08001", message: message)
        }
        handle = opened
        // Notices ("relation already exists, skipping") are for people at a console; the store reports by throwing.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }

    deinit {
        close()
    }

    /// Closes the connection; the server then drops its prepared statements and session locks. Idempotent.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        PQfinish(handle)
    }

    /// Whether the connection can serve another transaction: open, and back outside any transaction.
    var isReusable: Bool {
        !isClosed && PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) == PQTRANS_IDLE
            && PQpipelineStatus(handle) == PQ_PIPELINE_OFF
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int {
        let result = try perform(sql, arguments)
        defer { PQclear(result) }
        return Int(Self.text(PQcmdTuples(result))) ?? 0
    }

    func query(_ sql: String, _ arguments: [any SQLBindable]) throws -> [Row] {
        var rows: [Row] = []
        try forEach(sql, arguments) { rows.append($0) }
        return rows
    }

    // Known limitation: libpq receives the whole result before the first row is handed over, so a scan holds all
    // its rows in memory once, as text. Safe for now: the services scan in batches of 500–1,000 trades, and the
    // largest scans (the catalogue, a company's balances) are a few megabytes. Single-row mode would avoid it but
    // would forbid other statements on this connection inside `body`, which callers rely on.
    func forEach(_ sql: String, _ arguments: [any SQLBindable], _ body: (Row) throws -> Void) throws {
        let result = try perform(sql, arguments)
        defer { PQclear(result) }
        let columns = PQnfields(result)
        let types = (0..<columns).map { PQftype(result, $0) }
        for row in 0..<PQntuples(result) {
            try body(Row(values: (0..<columns).map { value(result, row: row, column: $0, type: types[Int($0)]) }))
        }
    }

    /// Runs `body` in a savepoint. `SAVEPOINT` and `RELEASE` wait in ``deferred`` and go out with the next
    /// statement, or are dropped together when `body` ran none; a savepoint per trade or per stock posting would
    /// otherwise cost two round trips each.
    func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        let name = "sp\(savepointDepth)"
        defer { savepointDepth -= 1 }
        deferred.append("SAVEPOINT \(name)")
        do {
            let result = try body()
            if !forget(savepoint: name) { deferred.append("RELEASE SAVEPOINT \(name)") }
            return result
        } catch {
            // After a conflict the whole transaction is rolled back; undoing just the savepoint would not save it.
            if conflict == nil, !forget(savepoint: name) {
                try run("ROLLBACK TO SAVEPOINT \(name); RELEASE SAVEPOINT \(name)")
            }
            throw error
        }
    }

    /// Drops the savepoint `name` when it was never sent because no statement ran in it; false when it was sent.
    private func forget(savepoint name: String) -> Bool {
        guard deferred.last == "SAVEPOINT \(name)" else { return false }
        deferred.removeLast()
        return true
    }

    /// Runs statements without arguments or results through the simple query protocol, uncached (transaction
    /// control, locks), after the deferred savepoint commands, in one round trip. `sql` may hold several statements
    /// separated by semicolons, or none.
    func run(_ sql: String) throws {
        let text = (deferred + [sql]).filter { !$0.isEmpty }.joined(separator: "; ")
        deferred.removeAll()
        guard !text.isEmpty else { return }
        PQclear(try checked(PQexec(handle, text)))
    }

    private func perform(_ sql: String, _ arguments: [any SQLBindable]) throws -> OpaquePointer {
        let parameters = try arguments.map { try PostgresValues.parameter($0.sqlValue) }
        guard !parameters.isEmpty else {
            let translated = PostgresSQL(translating: sql)
            try expect(translated.parameterCount, arguments: 0)
            if deferred.isEmpty { return try checked(PQexecParams(handle, translated.text, 0, nil, nil, nil, nil, 0)) }
            return try afterDeferred { PQsendQueryParams(handle, translated.text, 0, nil, nil, nil, nil, 0) }
        }
        let statement = try prepared(sql)
        try expect(statement.parameterCount, arguments: parameters.count)
        let count = Int32(parameters.count)
        return try PostgresValues.withCStrings(parameters) { values in
            guard deferred.isEmpty else {
                return try afterDeferred { PQsendQueryPrepared(handle, statement.name, count, values, nil, nil, 0) }
            }
            return try checked(PQexecPrepared(handle, statement.name, count, values, nil, nil, 0))
        }
    }

    private func prepared(_ sql: String) throws -> (name: String, parameterCount: Int) {
        if let known = statements[sql] { return known }
        let translated = PostgresSQL(translating: sql)
        let statement = (name: "zhanggui_\(statements.count + 1)", parameterCount: translated.parameterCount)
        PQclear(try checked(PQprepare(handle, statement.name, translated.text, Int32(translated.parameterCount), nil)))
        statements[sql] = statement
        return statement
    }

    private func expect(_ parameterCount: Int, arguments: Int) throws {
        guard parameterCount == arguments else {
            throw DatabaseError(
                kind: .other,
                engineCode: "bind",
                message: "statement expects \(parameterCount) arguments, got \(arguments)"
            )
        }
    }

    /// The result when the statement succeeded; otherwise frees it and throws its error.
    private func checked(_ result: OpaquePointer?) throws -> OpaquePointer {
        guard let result else { throw connectionError() }
        if let error = error(in: result) {
            PQclear(result)
            throw error
        }
        return result
    }

    /// The error a result reports, or nil when its statement succeeded; a conflict is remembered for the
    /// transaction.
    func error(in result: OpaquePointer) -> DatabaseError? {
        let status = PQresultStatus(result)
        if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK { return nil }
        guard let sqlState = PQresultErrorField(result, zhanggui_pq_diag_sqlstate) else { return connectionError() }
        let error = DatabaseError.postgres(
            sqlState: Self.text(sqlState),
            message: Self.text(PQresultErrorField(result, zhanggui_pq_diag_message_primary))
        )
        if error.isRetryableConflict, conflict == nil { conflict = error }
        return error
    }

    /// A failure with no server error behind it: the connection broke, or libpq ran out of memory.
    func connectionError() -> DatabaseError {
        let isBroken = PQstatus(handle) != CONNECTION_OK
        return DatabaseError(
            kind: isBroken ? .cannotOpen : .other,
            engineCode: isBroken ? "08006" : "XX000",
            message: Self.text(PQerrorMessage(handle))
        )
    }

    private func value(_ result: OpaquePointer, row: Int32, column: Int32, type: Oid) -> SQLValue {
        guard PQgetisnull(result, row, column) == 0, let text = PQgetvalue(result, row, column) else { return .null }
        let count = Int(PQgetlength(result, row, column))
        return text.withMemoryRebound(to: UInt8.self, capacity: count) {
            PostgresValues.column(UnsafeBufferPointer(start: $0, count: count), type: type)
        }
    }

    /// A C string from libpq as Swift text, without the trailing newline libpq adds to its messages.
    static func text(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        var text = String(cString: pointer)
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
