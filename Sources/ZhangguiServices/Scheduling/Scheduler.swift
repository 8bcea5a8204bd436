import Foundation
public import ZhangguiStore

/// Runs scheduled jobs for every company of a database, each tick once, however many processes run a scheduler.
///
/// A tick runs in three steps, each its own transaction:
/// 1. **claim**: insert the run into `job_runs` (`ON CONFLICT DO NOTHING`). The table's
///    `UNIQUE (company_id, job, tick)` admits one row per tick, so of several processes claiming the same tick —
///    on PostgreSQL at the same moment, on SQLite one after the other — exactly one gets it; the others skip it.
/// 2. **run**: the job does its work in transactions of its own.
/// 3. **finish**: the run's end, outcome and summary or error are written into its row.
///
/// A process that stops between claim and finish leaves its run `running` with no end, for `zhanggui jobs` to show;
/// the tick is not run again, and the next tick runs as usual.
///
/// Sendable: every property is immutable and Sendable.
public final class Scheduler: Sendable {
    public let database: any Database
    public let jobs: [any ScheduledJob]
    /// The name this process records on the runs it claims (`host:pid`).
    public let runner: String
    private let clock: @Sendable () -> Int64

    /// - Parameters:
    ///   - runner: the name recorded on claimed runs; by default this machine's name and the process id.
    ///   - clock: the current time in UTC seconds; the system clock unless a test fixes it.
    public init(
        database: any Database,
        jobs: [any ScheduledJob],
        runner: String = Scheduler.processName,
        clock: (@Sendable () -> Int64)? = nil
    ) {
        precondition(jobs.allSatisfy { $0.interval > 0 }, "a job's interval is at least one second")
        self.database = database
        self.jobs = jobs
        self.runner = runner
        self.clock = clock ?? { Clock.nowSeconds() }
    }

    /// This machine's name and this process's id, such as `shop-1:4242`.
    public static var processName: String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Runs the current tick of every job for every company, skipping the ticks some process claimed already.
    /// - Returns: the runs this process did, in the order of `jobs`, then of company ids.
    /// - Throws: ``DatabaseError`` when the companies cannot be read, or a claim or finish cannot be written.
    public func runDue() throws -> [JobRunReport] {
        let now = clock()
        let companies = try database.read { try CompanyRecords($0).companyIDs() }
        var reports: [JobRunReport] = []
        for job in jobs {
            for companyID in companies {
                if let report = try run(job, companyID: companyID, tick: Self.tick(of: now, every: job.interval)) {
                    reports.append(report)
                }
            }
        }
        return reports
    }

    /// Claims `tick` of `job` for the company and, when the claim went in, runs the job and records its end.
    /// - Returns: the run's report, or nil when another run (of this or another process) had claimed the tick.
    /// - Throws: ``DatabaseError`` when the claim or the finish cannot be written; a job's own error is recorded as
    ///   the run's failure instead.
    public func run(_ job: any ScheduledJob, companyID: Int64, tick: Int64) throws -> JobRunReport? {
        let started = ContinuousClock.now
        let startedAt = clock()
        let claimed = try database.write { connection in
            try JobRunRecords(connection).claim(
                job: job.name,
                tick: tick,
                intervalSeconds: job.interval,
                runner: runner,
                companyID: companyID,
                at: startedAt
            )
        }
        guard let runID = claimed else { return nil }
        let context = JobContext(database: database, companyID: companyID, tick: tick, runID: runID, now: startedAt)
        let outcome: JobRunRecord.Outcome
        let detail: String
        do {
            detail = try job.run(context)
            outcome = .succeeded
        } catch {
            detail = String(describing: error)
            outcome = .failed
        }
        try database.write { try JobRunRecords($0).finish(runID, outcome: outcome, detail: detail, at: clock()) }
        let elapsed = started.duration(to: .now).components
        return JobRunReport(
            job: job.name,
            companyID: companyID,
            tick: tick,
            runID: runID,
            outcome: outcome,
            detail: detail,
            durationMilliseconds: Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15
        )
    }

    /// The tick `time` falls in: `time` ÷ `interval`, rounded down.
    public static func tick(of time: Int64, every interval: Int64) -> Int64 {
        let quotient = time / interval
        return time % interval < 0 ? quotient - 1 : quotient
    }

    /// The time the next tick of any job begins after `time`, UTC seconds.
    public func nextTickStart(after time: Int64) -> Int64 {
        jobs.map { (Self.tick(of: time, every: $0.interval) + 1) * $0.interval }.min() ?? time + 60
    }

    /// The current time by the scheduler's clock.
    public var now: Int64 { clock() }
}
