import ZhangguiStore

/// 物流停滞提醒: raises an alert for each shipped order whose parcel has had no tracking news (no event, or none
/// since it shipped) for the company's stale-tracking days (default 3), once per quiet stretch. The alert is cleared
/// by the next event about the parcel (``TrackingService``) or, failing that, by the next run that finds the order
/// delivered or moving again.
public struct StaleTrackingJob: ScheduledJob {
    public static let defaultInterval: Int64 = 3600

    public let name = "staleTracking"
    public let interval: Int64

    public init(interval: Int64 = Self.defaultInterval) {
        self.interval = interval
    }

    public func run(_ context: JobContext) throws -> String {
        try context.database.write { connection in
            let records = TrackingRecords(connection)
            let alerts = AlertRecords(connection)
            let days = try records.staleDays(companyID: context.companyID)
            let quiet = try records.quietOrders(before: context.now - days * 86_400 + 1, companyID: context.companyID)
            let quietSubjects = Set(quiet.map { String($0.tradeID) })
            var cleared = 0
            for subject in try alerts.openSubjects(.staleTracking, companyID: context.companyID)
            where !quietSubjects.contains(subject) {
                try alerts.clear(.staleTracking, subject: subject, companyID: context.companyID, at: context.now)
                cleared += 1
            }
            var raised = 0
            for order in quiet {
                let draft = AlertDraft(
                    kind: .staleTracking,
                    subject: String(order.tradeID),
                    tradeID: order.tradeID,
                    quantity: (context.now - order.lastNewsAt) / 86_400,
                    threshold: days
                )
                if try alerts.raise(draft, jobRunID: context.runID, companyID: context.companyID, at: context.now) {
                    raised += 1
                }
            }
            return "\(quiet.count) quiet for \(days) d or more, \(raised) raised, \(cleared) cleared"
        }
    }
}
