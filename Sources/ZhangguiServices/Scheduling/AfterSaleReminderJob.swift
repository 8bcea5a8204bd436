import ZhangguiCore
import ZhangguiStore

/// 售后超时提醒: raises one alert for each open after-sales case nobody has moved for `days` (default 7). The
/// alert is cleared when the case moves (or closes), so a case left alone again later is reminded about again.
public struct AfterSaleReminderJob: ScheduledJob {
    public static let defaultInterval: Int64 = 3600
    public static let defaultDays: Int64 = 7

    public let name = "afterSaleIdle"
    public let interval: Int64
    /// Whole days a case may stay untouched before a reminder.
    public let days: Int64

    /// - Precondition: `days` is at least 1.
    public init(days: Int64 = Self.defaultDays, interval: Int64 = Self.defaultInterval) {
        precondition(days > 0, "a reminder waits at least one day")
        self.days = days
        self.interval = interval
    }

    public func run(_ context: JobContext) throws -> String {
        try context.database.write { connection in
            let currency = try CompanyContext.load(context.companyID, from: connection).currency
            let idle = try AfterSaleCaseRecords(connection, currency: currency)
                .idle(before: context.now - days * 86_400 + 1, companyID: context.companyID)
            let alerts = AlertRecords(connection)
            let idleSubjects = Set(idle.map { String($0.id) })
            var cleared = 0
            for subject in try alerts.openSubjects(.afterSaleIdle, companyID: context.companyID)
            where !idleSubjects.contains(subject) {
                try alerts.clear(.afterSaleIdle, subject: subject, companyID: context.companyID, at: context.now)
                cleared += 1
            }
            var raised = 0
            for record in idle {
                let draft = AlertDraft(
                    kind: .afterSaleIdle,
                    subject: String(record.id),
                    tradeID: record.tradeID,
                    quantity: (context.now - record.updatedAt) / 86_400,
                    threshold: days,
                    detail: "售后单 \(record.id) \(record.kind.chineseName) \(record.state.chineseName)"
                )
                if try alerts.raise(draft, jobRunID: context.runID, companyID: context.companyID, at: context.now) {
                    raised += 1
                }
            }
            return "\(idle.count) untouched for \(days) d or more, \(raised) raised, \(cleared) cleared"
        }
    }
}
