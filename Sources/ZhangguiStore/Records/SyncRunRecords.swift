/// What a sync run is doing.
public enum SyncRunKind: String, Sendable, CaseIterable {
    case orders
    case refunds
    case backfill
    case repull
    case shipments
    case stock
}

/// How a sync run ended.
public enum SyncRunOutcome: String, Sendable, CaseIterable {
    case running
    case done
    case failed
    case authorizationExpired
    case rateLimited
    case unavailable
}

/// Counts a run keeps, page by page.
public struct SyncCounts: Sendable, Hashable {
    public var pages: Int64 = 0
    /// Orders or requests seen for the first time.
    public var new: Int64 = 0
    /// Newer versions of ones seen before.
    public var changed: Int64 = 0
    /// Versions already stored (replays, overlaps, older ones arriving late).
    public var unchanged: Int64 = 0
    /// Items that could not be taken, named in the run's last error.
    public var errors: Int64 = 0

    public init() {}

    public static func + (lhs: SyncCounts, rhs: SyncCounts) -> SyncCounts {
        var sum = lhs
        sum.pages += rhs.pages
        sum.new += rhs.new
        sum.changed += rhs.changed
        sum.unchanged += rhs.unchanged
        sum.errors += rhs.errors
        return sum
    }
}

/// One run of the sync log.
public struct SyncRun: Sendable, Hashable {
    public let id: Int64
    public let shopID: Int64
    public let kind: SyncRunKind
    public let windowStartMillis: Int64?
    public let windowEndMillis: Int64?
    /// How far the run got, for a backfill's progress.
    public let reachedMillis: Int64?
    public let counts: SyncCounts
    public let lastError: String
    public let outcome: SyncRunOutcome
    public let startedAtMillis: Int64
    public let finishedAtMillis: Int64?
}

/// The sync log: one row per run, its counters advanced in the transaction of each page.
public struct SyncRunRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Starts a run and returns its id.
    public func start(
        _ kind: SyncRunKind,
        window: (start: Int64, end: Int64)?,
        atMillis: Int64,
        shopID: Int64,
        companyID: Int64
    ) throws -> Int64 {
        try connection.queryOne(
            """
            INSERT INTO sync_runs (company_id, shop_id, kind, window_start_ms, window_end_ms, started_at_ms)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id
            """,
            companyID,
            shopID,
            kind.rawValue,
            window?.start,
            window?.end,
            atMillis
        )?.int(0) ?? 0
    }

    /// Adds a page's counts to the run, and how far it reached.
    public func add(_ counts: SyncCounts, reachedMillis: Int64?, error: String?, runID: Int64) throws {
        try connection.execute(
            """
            UPDATE sync_runs SET pages = pages + ?, new_count = new_count + ?, changed_count = changed_count + ?,
                unchanged_count = unchanged_count + ?, error_count = error_count + ?,
                reached_ms = COALESCE(?, reached_ms), last_error = COALESCE(?, last_error)
            WHERE id = ?
            """,
            [
                counts.pages, counts.new, counts.changed, counts.unchanged, counts.errors, reachedMillis, error, runID,
            ] as [any SQLBindable]
        )
    }

    /// Ends a run.
    public func finish(_ runID: Int64, outcome: SyncRunOutcome, error: String?, atMillis: Int64) throws {
        try connection.execute(
            """
            UPDATE sync_runs SET outcome = ?, finished_at_ms = ?, last_error = COALESCE(?, last_error),
                error_count = error_count + ?
            WHERE id = ?
            """,
            outcome.rawValue,
            atMillis,
            error,
            error == nil ? 0 : 1,
            runID
        )
    }

    /// The newest runs of a shop (or of every shop with nil), newest first.
    public func recent(shopID: Int64?, companyID: Int64, limit: Int) throws -> [SyncRun] {
        let condition = shopID == nil ? "" : " AND shop_id = ?"
        let arguments: [any SQLBindable] = [companyID] + (shopID.map { [$0] } ?? []) + [limit]
        return try connection.query(
            """
            SELECT id, shop_id, kind, window_start_ms, window_end_ms, reached_ms, pages, new_count, changed_count,
                   unchanged_count, error_count, last_error, outcome, started_at_ms, finished_at_ms
            FROM sync_runs WHERE company_id = ?\(condition) ORDER BY id DESC LIMIT ?
            """,
            arguments
        ).map(Self.run(from:))
    }

    /// The run with `id`, or nil.
    public func run(id: Int64) throws -> SyncRun? {
        try connection.queryOne(
            """
            SELECT id, shop_id, kind, window_start_ms, window_end_ms, reached_ms, pages, new_count, changed_count,
                   unchanged_count, error_count, last_error, outcome, started_at_ms, finished_at_ms
            FROM sync_runs WHERE id = ?
            """,
            id
        ).map(Self.run(from:))
    }

    private static func run(from row: Row) -> SyncRun {
        var counts = SyncCounts()
        counts.pages = row.int(6)
        counts.new = row.int(7)
        counts.changed = row.int(8)
        counts.unchanged = row.int(9)
        counts.errors = row.int(10)
        return SyncRun(
            id: row.int(0),
            shopID: row.int(1),
            kind: SyncRunKind(rawValue: row.string(2)) ?? .orders,
            windowStartMillis: row.optionalInt(3),
            windowEndMillis: row.optionalInt(4),
            reachedMillis: row.optionalInt(5),
            counts: counts,
            lastError: row.string(11),
            outcome: SyncRunOutcome(rawValue: row.string(12)) ?? .failed,
            startedAtMillis: row.int(13),
            finishedAtMillis: row.optionalInt(14)
        )
    }
}
