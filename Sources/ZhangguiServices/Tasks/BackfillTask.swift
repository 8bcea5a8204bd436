public import ZhangguiCore
internal import ZhangguiStore

/// A shop's backfill (`zhanggui shop backfill`) run as a background task: orders and after-sales requests modified
/// in a range are read again, window by window, and the task's progress is the windows done of their number.
///
/// Each window commits on its own, so the figures are recorded in the task's row after each window, between the
/// sync's transactions; a page served by another process sees them too. A backfill stopped by the platform (a
/// refused grant, a rate limit) fails the task with the reason; the windows stored before it stay stored, and
/// running the backfill again stores nothing twice.
public struct BackfillTask: Sendable {
    /// The kind of the task in `background_tasks`.
    public static let kind = "shop.backfill"
    /// The phase its progress is reported in.
    public static let phase = "windows"

    let sync: SyncService
    let companyID: Int64
    let shopID: Int64
    let range: SyncWindow

    public init(sync: SyncService, companyID: Int64, shopID: Int64, range: SyncWindow) {
        self.sync = sync
        self.companyID = companyID
        self.shopID = shopID
        self.range = range
    }

    /// Runs the backfill; the outcome's message is `shop=CODE windows=N new=N changed=N` (the orders' counts).
    /// - Throws: ``BackgroundTaskRunner/Failure`` when the platform stopped it; ``ShopError`` for a shop that is
    ///   not connected or not active.
    public func run(_ progress: BackgroundTaskRunner.Progress) throws -> BackgroundTaskRunner.Outcome {
        var windows = 0
        let report = try sync.backfill(company: companyID, shop: shopID, range: range) { step in
            windows = step.windowsDone
            // Known limitation: a report that cannot be written leaves the row behind; the page of this process
            // still shows the figures, and the task's end records them whole.
            try? progress.report(Self.phase, done: Int64(step.windowsDone), total: Int64(step.windowsTotal))
        }
        guard report.outcome == .done else {
            let reason = report.error ?? report.outcome.rawValue
            throw BackgroundTaskRunner.Failure("\(report.outcome.rawValue) after \(windows) windows: \(reason)")
        }
        let counts = "windows=\(windows) new=\(report.orders.new) changed=\(report.orders.changed)"
        return .init(message: "shop=\(report.shopCode) \(counts)")
    }
}
