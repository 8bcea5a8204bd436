/// Where a background task is: queued, running, then done, failed or interrupted (the server stopped while it was
/// queued or running). The last three are final.
public enum BackgroundTaskState: String, Sendable, CaseIterable {
    case queued
    case running
    case done
    case failed
    case interrupted

    /// The states a task may go to from this one.
    public var next: Set<BackgroundTaskState> {
        switch self {
        case .queued: [.running, .interrupted]
        case .running: [.done, .failed, .interrupted]
        case .done, .failed, .interrupted: []
        }
    }

    public var isFinal: Bool { next.isEmpty }
}

/// A background task as stored.
public struct BackgroundTask: Sendable, Equatable {
    public let id: Int64
    public let companyID: Int64
    /// What it does: `import.orders`, `labels.print`, …
    public let kind: String
    public let state: BackgroundTaskState
    public let done: Int64
    public let total: Int64
    /// What the user is told: counts when done, the reason when failed.
    public let message: String
    /// The name of its result file, kept by the server, when it has one.
    public let resultReference: String?
    public let startedBy: Int64?
    /// UTC seconds.
    public let createdAt: Int64
    public let startedAt: Int64?
    public let finishedAt: Int64?
}

/// The `background_tasks` table. Every change is a statement of its own, run by the caller in a small
/// transaction of its own, so progress is seen while the work goes on; a change of state happens only along
/// ``BackgroundTaskState/next``.
public struct BackgroundTaskRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Adds a queued task, run by the server process `runner`, and returns its id.
    public func insert(
        companyID: Int64,
        kind: String,
        total: Int64,
        startedBy: Int64?,
        runner: String = "",
        at now: Int64
    ) throws -> Int64 {
        let row = try connection.queryOne(
            """
            INSERT INTO background_tasks (company_id, kind, state, total, started_by, runner, created_at)
            VALUES (?, ?, 'queued', ?, ?, ?, ?) RETURNING id
            """,
            companyID,
            kind,
            max(total, 0),
            startedBy,
            runner,
            now
        )
        return row?.int(0) ?? 0
    }

    /// Moves task `id` to `state` when it is in a state that may go there; false otherwise (already final).
    @discardableResult
    public func move(
        _ id: Int64,
        to state: BackgroundTaskState,
        message: String? = nil,
        resultReference: String? = nil,
        at now: Int64
    ) throws -> Bool {
        let from = BackgroundTaskState.allCases.filter { $0.next.contains(state) }.map(\.rawValue)
        guard !from.isEmpty else { return false }
        let marks = Array(repeating: "?", count: from.count).joined(separator: ", ")
        let timeColumn = state == .running ? "started_at" : "finished_at"
        let changed = try connection.execute(
            """
            UPDATE background_tasks SET state = ?, \(timeColumn) = ?, message = COALESCE(?, message),
                result_reference = COALESCE(?, result_reference), done = \(state == .done ? "total" : "done")
            WHERE id = ? AND state IN (\(marks))
            """,
            [state.rawValue, now, message, resultReference, id] + from.map { $0 as any SQLBindable }
        )
        return changed == 1
    }

    /// Records how far a running task got: `done` of `total` units.
    public func progress(_ id: Int64, done: Int64, total: Int64) throws {
        try connection.execute(
            "UPDATE background_tasks SET done = ?, total = ? WHERE id = ? AND state = 'running'",
            max(done, 0),
            max(total, 0),
            id
        )
    }

    /// The queued and running tasks of every company, with the server process running each.
    public func unfinished() throws -> [(id: Int64, runner: String)] {
        try connection.query(
            "SELECT id, runner FROM background_tasks WHERE state IN ('queued', 'running') ORDER BY id"
        ).map { ($0.int(0), $0.string(1)) }
    }

    /// The company's task `id`, nil when it has none such.
    public func task(_ id: Int64, companyID: Int64) throws -> BackgroundTask? {
        try connection.query("\(Self.columns) WHERE id = ? AND company_id = ?", id, companyID).first.map(Self.task)
    }

    /// The company's newest tasks, at most `limit`, started by `userID` when given.
    public func latest(companyID: Int64, startedBy userID: Int64?, limit: Int) throws -> [BackgroundTask] {
        try connection.query(
            "\(Self.columns) WHERE company_id = ? AND (? = 0 OR started_by = ?) ORDER BY id DESC LIMIT ?",
            companyID,
            userID ?? 0,
            userID ?? 0,
            limit
        ).map(Self.task)
    }

    private static let columns = """
        SELECT id, company_id, kind, state, done, total, message, result_reference, started_by, created_at,
               started_at, finished_at FROM background_tasks
        """

    private static func task(_ row: Row) -> BackgroundTask {
        BackgroundTask(
            id: row.int(0),
            companyID: row.int(1),
            kind: row.string(2),
            state: BackgroundTaskState(rawValue: row.string(3)) ?? .failed,
            done: row.int(4),
            total: row.int(5),
            message: row.string(6),
            resultReference: row.optionalString(7),
            startedBy: row.optionalInt(8),
            createdAt: row.int(9),
            startedAt: row.optionalInt(10),
            finishedAt: row.optionalInt(11)
        )
    }
}
