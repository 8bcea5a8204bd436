import CLibPQ

/// One libpq connection with its prepared statements. Not thread-safe: ``PostgresDatabase`` lends each connection
/// to one transaction at a time.
///
/// A statement with arguments is prepared on the server the first time its SQL is seen (its `?` placeholders
/// numbered once) and only executed after that; a statement without arguments is sent as it is. Parameters and
/// results travel as text (see ``PostgresValues``).
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

    // Known limitation: libpq receives the whole result before the first row is handed over, so a large scan
    // holds all its rows in memory once (as text). Single-row mode would avoid that but would forbid other
    // statements on this connection inside `body`, which callers rely on.
    func forEach(_ sql: String, _ arguments: [any SQLBindable], _ body: (Row) throws -> Void) throws {
        let result = try perform(sql, arguments)
        defer { PQclear(result) }
        let columns = PQnfields(result)
        let types = (0..<columns).map { PQftype(result, $0) }
        for row in 0..<PQntuples(result) {
            try body(Row(values: (0..<columns).map { value(result, row: row, column: $0, type: types[Int($0)]) }))
        }
    }

    func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        let name = "sp\(savepointDepth)"
        defer { savepointDepth -= 1 }
        try run("SAVEPOINT \(name)")
        do {
            let result = try body()
            try run("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            // After a conflict the whole transaction is rolled back; undoing just the savepoint would not save it.
            if conflict == nil {
                try run("ROLLBACK TO SAVEPOINT \(name)")
                try run("RELEASE SAVEPOINT \(name)")
            }
            throw error
        }
    }

    /// Runs statements without arguments or results through the simple query protocol, uncached (transaction
    /// control, locks). `sql` may hold several statements separated by semicolons.
    func run(_ sql: String) throws {
        PQclear(try checked(PQexec(handle, sql)))
    }

    private func perform(_ sql: String, _ arguments: [any SQLBindable]) throws -> OpaquePointer {
        let parameters = try arguments.map { try PostgresValues.parameter($0.sqlValue) }
        guard !parameters.isEmpty else {
            let translated = PostgresSQL(translating: sql)
            try expect(translated.parameterCount, arguments: 0)
            return try checked(PQexecParams(handle, translated.text, 0, nil, nil, nil, nil, 0))
        }
        let statement = try prepared(sql)
        try expect(statement.parameterCount, arguments: parameters.count)
        let result = PostgresValues.withCStrings(parameters) { values in
            PQexecPrepared(handle, statement.name, Int32(parameters.count), values, nil, nil, 0)
        }
        return try checked(result)
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

    /// The result when the statement succeeded; otherwise frees it and throws its error, remembering a conflict.
    private func checked(_ result: OpaquePointer?) throws -> OpaquePointer {
        guard let result else { throw connectionError() }
        let status = PQresultStatus(result)
        if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK { return result }
        defer { PQclear(result) }
        guard let sqlState = PQresultErrorField(result, zhanggui_pq_diag_sqlstate) else { throw connectionError() }
        let error = DatabaseError.postgres(
            sqlState: Self.text(sqlState),
            message: Self.text(PQresultErrorField(result, zhanggui_pq_diag_message_primary))
        )
        if error.isRetryableConflict, conflict == nil { conflict = error }
        throw error
    }

    /// A failure with no server error behind it: the connection broke, or libpq ran out of memory.
    private func connectionError() -> DatabaseError {
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
