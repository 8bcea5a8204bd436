import ZhangguiStore

/// 库存预警: raises an alert when a SKU's available stock in a warehouse is at or below its reorder point, once per
/// crossing. While the stock stays low the alert stays open and nothing new is raised; when available rises above the
/// point again the alert is cleared, so the next fall raises a new one.
public struct LowStockJob: ScheduledJob {
    public static let defaultInterval: Int64 = 300

    public let name = "lowStock"
    public let interval: Int64

    public init(interval: Int64 = Self.defaultInterval) {
        self.interval = interval
    }

    public func run(_ context: JobContext) throws -> String {
        try context.database.write { connection in
            let alerts = AlertRecords(connection)
            let levels = try ReorderPointRecords(connection).levels(companyID: context.companyID)
            var raised = 0
            var cleared = 0
            var low = 0
            for level in levels {
                if level.available <= level.reorderPoint {
                    low += 1
                    let draft = AlertDraft(
                        kind: .lowStock,
                        subject: level.alertSubject,
                        warehouseID: level.warehouseID,
                        skuID: level.skuID,
                        quantity: level.available,
                        threshold: level.reorderPoint
                    )
                    if try alerts.raise(draft, jobRunID: context.runID, companyID: context.companyID, at: context.now) {
                        raised += 1
                    }
                } else if try alerts.clear(
                    .lowStock,
                    subject: level.alertSubject,
                    companyID: context.companyID,
                    at: context.now
                ) {
                    cleared += 1
                }
            }
            return "\(levels.count) reorder points, \(low) low, \(raised) raised, \(cleared) cleared"
        }
    }
}
