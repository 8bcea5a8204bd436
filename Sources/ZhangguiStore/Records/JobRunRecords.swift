/// One run of a scheduled job for one company, as `job_runs` keeps it.
public struct JobRunRecord: Sendable, Hashable {
    /// Where a run stands. `running` with no end: in progress, or left unfinished by a process that stopped.
    public enum Outcome: String, Sendable, CaseIterable {
        case running, succeeded, failed
    }

    public let id: Int64
    public let companyID: Int64
    public let job: String
    /// The tick claimed: the scheduled time divided by the interval, rounded down.
    public let tick: Int64
    public let intervalSeconds: Int64
    /// The process that claimed it (`host:pid`).
    public let runner: String
    public let startedAt: Int64
    public let finishedAt: Int64?
    public let outcome: Outcome
    /// The job's summary, or the error of a failed run.
    public let detail: String
}

/// The ledger of scheduled job runs. Claiming a tick is the only way a job gets to run: the row's
/// `UNIQUE (company_id, job, tick)` lets exactly one process in.
public struct JobRunRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Claims `tick` of `job` for the company: the id of the new run, or nil when some process claimed it already.
    public func claim(
        job: String,
        tick: Int64,
        intervalSeconds: Int64,
        runner: String,
        companyID: Int64,
        at now: Int64
    ) throws -> Int64? {
        try connection.queryOne(
            """
            INSERT INTO job_runs (company_id, job, tick, interval_seconds, runner, started_at, outcome)
            VALUES (?, ?, ?, ?, ?, ?, 'running')
            ON CONFLICT DO NOTHING RETURNING id
            """,
            companyID,
            job,
            tick,
            intervalSeconds,
            runner,
            now
        )?.int(0)
    }

    /// Records the end of a run that is still `running`; true when it was.
    @discardableResult
    public func finish(_ runID: Int64, outcome: JobRunRecord.Outcome, detail: String, at now: Int64) throws -> Bool {
        precondition(outcome != .running, "a finished run succeeded or failed")
        let changed = try connection.execute(
            "UPDATE job_runs SET finished_at = ?, outcome = ?, detail = ? WHERE id = ? AND outcome = 'running'",
            now,
            outcome.rawValue,
            String(detail.prefix(500)),
            runID
        )
        return changed == 1
    }

    /// The company's latest runs, newest first; only those still `running` with `unfinishedOnly`.
    public func recent(companyID: Int64, limit: Int, unfinishedOnly: Bool = false) throws -> [JobRunRecord] {
        let filter = unfinishedOnly ? " AND outcome = 'running'" : ""
        return try connection.query(
            """
            SELECT id, company_id, job, tick, interval_seconds, runner, started_at, finished_at, outcome, detail
            FROM job_runs WHERE company_id = ?\(filter) ORDER BY id DESC LIMIT ?
            """,
            companyID,
            limit
        ).map(Self.record)
    }

    /// Every run of `job` for the company, oldest first.
    public func runs(of job: String, companyID: Int64) throws -> [JobRunRecord] {
        try connection.query(
            """
            SELECT id, company_id, job, tick, interval_seconds, runner, started_at, finished_at, outcome, detail
            FROM job_runs WHERE company_id = ? AND job = ? ORDER BY tick, id
            """,
            companyID,
            job
        ).map(Self.record)
    }

    private static func record(_ row: Row) -> JobRunRecord {
        JobRunRecord(
            id: row.int(0),
            companyID: row.int(1),
            job: row.string(2),
            tick: row.int(3),
            intervalSeconds: row.int(4),
            runner: row.string(5),
            startedAt: row.int(6),
            finishedAt: row.optionalInt(7),
            outcome: JobRunRecord.Outcome(rawValue: row.string(8)) ?? .failed,
            detail: row.string(9)
        )
    }
}
