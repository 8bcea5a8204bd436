public import ZhangguiStore

/// Work the server does on its own every `interval` seconds, once per company: alerts now, shop sync later.
///
/// Time is cut into ticks of `interval` seconds (tick = scheduled time ÷ interval, rounded down). However many
/// `zhanggui serve` processes share the database, each tick of each job runs once per company: ``Scheduler`` claims
/// it in `job_runs` first, and only the process whose claim went in runs it.
public protocol ScheduledJob: Sendable {
    /// The job's stable name, stored with each run (`lowStock`, `heldOrders`).
    var name: String { get }
    /// Seconds between runs, at least 1.
    var interval: Int64 { get }

    /// Does one tick's work for one company and returns a one-line summary for the run's record and log.
    ///
    /// The job opens its own transactions on `context.database`. A run is recorded as failed when this throws; the
    /// tick is not tried again, so work that must not be lost is found again by the next tick (as the alert jobs
    /// do: they compare the state of the books with the open alerts, not with the previous run).
    func run(_ context: JobContext) throws -> String
}

/// What a job's run is given: the database, the company, the tick and the time it runs at.
public struct JobContext: Sendable {
    public let database: any Database
    public let companyID: Int64
    public let tick: Int64
    /// The run's id in `job_runs`, for rows the run creates to point back at.
    public let runID: Int64
    /// The time the run started, UTC seconds.
    public let now: Int64

    public init(database: any Database, companyID: Int64, tick: Int64, runID: Int64, now: Int64) {
        self.database = database
        self.companyID = companyID
        self.tick = tick
        self.runID = runID
        self.now = now
    }
}
