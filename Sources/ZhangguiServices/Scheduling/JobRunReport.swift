public import ZhangguiStore

/// What one process did with one tick of one job for one company: the line `zhanggui serve` logs for it.
public struct JobRunReport: Sendable, Equatable {
    public let job: String
    public let companyID: Int64
    public let tick: Int64
    public let runID: Int64
    /// `succeeded` or `failed`.
    public let outcome: JobRunRecord.Outcome
    /// The job's summary, or the error of a failed run.
    public let detail: String
    /// Wall-clock milliseconds from the claim to the recorded end.
    public let durationMilliseconds: Double
}
