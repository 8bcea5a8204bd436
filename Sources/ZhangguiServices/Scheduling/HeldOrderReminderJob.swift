import ZhangguiStore

/// 挂起超时提醒: raises an alert for each order that has been on hold (挂起) for `hours` or more, once per hold. The
/// alert is cleared when the order leaves the hold (approved, released or cancelled), so an order held again later
/// is reminded about again.
public struct HeldOrderReminderJob: ScheduledJob {
    public static let defaultInterval: Int64 = 3600
    public static let defaultHours: Int64 = 24

    public let name = "heldOrders"
    public let interval: Int64
    /// Whole hours an order may stay on hold before a reminder.
    public let hours: Int64

    /// - Precondition: `hours` is at least 1.
    public init(hours: Int64 = Self.defaultHours, interval: Int64 = Self.defaultInterval) {
        precondition(hours > 0, "a reminder waits at least one hour")
        self.hours = hours
        self.interval = interval
    }

    public func run(_ context: JobContext) throws -> String {
        try context.database.write { connection in
            let alerts = AlertRecords(connection)
            let held = try HoldRecords(connection).heldTrades(companyID: context.companyID)
            let heldSubjects = Set(held.map { String($0.tradeID) })
            var cleared = 0
            for subject in try alerts.openSubjects(.heldOrder, companyID: context.companyID)
            where !heldSubjects.contains(subject) {
                try alerts.clear(.heldOrder, subject: subject, companyID: context.companyID, at: context.now)
                cleared += 1
            }
            var raised = 0
            var overdue = 0
            for trade in held where context.now - trade.heldSince >= hours * 3600 {
                overdue += 1
                let draft = AlertDraft(
                    kind: .heldOrder,
                    subject: String(trade.tradeID),
                    tradeID: trade.tradeID,
                    quantity: (context.now - trade.heldSince) / 3600,
                    threshold: hours
                )
                if try alerts.raise(draft, jobRunID: context.runID, companyID: context.companyID, at: context.now) {
                    raised += 1
                }
            }
            return "\(held.count) on hold, \(overdue) over \(hours) h, \(raised) raised, \(cleared) cleared"
        }
    }
}
