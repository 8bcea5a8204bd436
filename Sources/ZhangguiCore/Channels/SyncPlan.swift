/// How far a shop's sync reaches and in what steps: the pure arithmetic of incremental sync, in UTC milliseconds.
///
/// A run covers `[start, end)`: `end` is now less a safety lag (none by default), and `start` is the last checkpoint
/// less an overlap, so an order the platform listed late, or changed in the last moments of a run, is read again by
/// the next run rather than missed. With no lag an order paid just before a run is reviewable after that run, which
/// keeps paid → reviewable within one sync interval. The span is cut into windows no
/// longer than the platform allows, each starting where the previous one ended: a modification time falls in
/// exactly one window of a run.
public struct SyncPlan: Hashable, Sendable {
    /// The longest range one backfill reads again: 92 days. Platforms answer order listings for about the last
    /// three months, and a longer range would hold one run (and, over HTTP, one request) for hours.
    public static let longestBackfillMillis: Int64 = 92 * 86_400_000
    /// How much of the previous run is read again.
    public var overlapMillis: Int64
    /// How far behind now a run stops.
    public var safetyLagMillis: Int64
    /// How far back the very first run of a shop reaches.
    public var firstLookbackMillis: Int64

    public init(
        overlapMillis: Int64 = 300_000,
        safetyLagMillis: Int64 = 0,
        firstLookbackMillis: Int64 = 86_400_000
    ) {
        precondition(overlapMillis >= 0 && safetyLagMillis >= 0 && firstLookbackMillis > 0, "sync spans are positive")
        self.overlapMillis = overlapMillis
        self.safetyLagMillis = safetyLagMillis
        self.firstLookbackMillis = firstLookbackMillis
    }

    /// The span a run at `nowMillis` covers after `checkpointMillis` (nil before the first run), or nil when there
    /// is nothing to read yet.
    public func span(checkpointMillis: Int64?, nowMillis: Int64) -> SyncWindow? {
        let end = nowMillis - safetyLagMillis
        let start = checkpointMillis.map { $0 - overlapMillis } ?? end - firstLookbackMillis
        guard start < end else { return nil }
        return SyncWindow(startMillis: start, endMillis: end)
    }

    /// `span` cut into consecutive windows of at most `maximumMillis` each, in time order.
    public static func windows(covering span: SyncWindow, maximumMillis: Int64) -> [SyncWindow] {
        precondition(maximumMillis > 0, "a platform window has a length")
        var windows: [SyncWindow] = []
        var start = span.startMillis
        while start < span.endMillis {
            let end = min(span.endMillis, start + maximumMillis)
            windows.append(SyncWindow(startMillis: start, endMillis: end))
            start = end
        }
        return windows
    }
}
