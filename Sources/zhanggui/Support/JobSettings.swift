import Foundation
import ZhangguiChannels
import ZhangguiHTTP
import ZhangguiSecurity
import ZhangguiServices
import ZhangguiStore

/// The scheduled jobs and their settings, from the options `serve` and `jobs --run` share.
struct JobSettings {
    /// The options that set the jobs up.
    static let options: Set<String> = ["job-interval", "sync-interval", "tracking-interval", "held-hours"]

    /// Seconds per tick for every job, when `--job-interval` overrides each job's own.
    let interval: Int64?
    /// Seconds per tick of shop sync, when `--sync-interval` sets it (`--job-interval` wins over it).
    let syncInterval: Int64?
    /// Seconds per tick of courier tracking polling, when `--tracking-interval` sets it (`--job-interval` wins).
    let trackingInterval: Int64?
    /// Hours an order may stay on hold before a reminder.
    let heldHours: Int64

    /// - Throws: ``UsageError`` for an interval or hour count that is not a whole number from 1 up.
    init(_ arguments: Arguments) throws(UsageError) {
        interval =
            arguments.option("job-interval") == nil ? nil : Int64(try arguments.integer("job-interval", default: 1))
        syncInterval =
            arguments.option("sync-interval") == nil ? nil : Int64(try arguments.integer("sync-interval", default: 1))
        trackingInterval =
            arguments.option("tracking-interval") == nil
            ? nil : Int64(try arguments.integer("tracking-interval", default: 1))
        heldHours = Int64(try arguments.integer("held-hours", default: Int(HeldOrderReminderJob.defaultHours)))
    }

    /// Every job the server runs: shop sync (every 60 s), low-stock alerts (every 300 s), held-order, stale-tracking
    /// and idle after-sales reminders (every 3600 s). Shop sync opens the shops' credentials with the key from the environment, when there is one.
    /// - Throws: ``Refusal`` when a key is given but cannot be used (a missing key only fails the sync runs of
    ///   companies with connected shops).
    func jobs() throws -> [any ScheduledJob] {
        let box: SecretBox?
        do {
            box = try SecretKey.box(environment: ProcessInfo.processInfo.environment)
        } catch let error where error.code == .missing {
            box = nil
        } catch {
            throw Refusal(error.description)
        }
        return [
            ShopSyncJob(
                channels: PlatformChannelFactory(),
                box: box,
                interval: interval ?? syncInterval ?? ShopSyncJob.defaultInterval
            ),
            LowStockJob(interval: interval ?? LowStockJob.defaultInterval),
            HeldOrderReminderJob(hours: heldHours, interval: interval ?? HeldOrderReminderJob.defaultInterval),
            StaleTrackingJob(interval: interval ?? StaleTrackingJob.defaultInterval),
            TrackingPollJob(
                box: box,
                interval: interval ?? trackingInterval ?? TrackingPollJob.defaultInterval,
                makeQuery: CourierClientFactory.routeQueryMaker
            ),
            AfterSaleReminderJob(interval: interval ?? AfterSaleReminderJob.defaultInterval),
        ]
    }

    /// The help of the options, for the commands that take them.
    static let help = """
          --job-interval SECONDS  run every job each SECONDS instead of its own interval (shop sync 60, low
                                  stock 300, 顺丰 tracking poll 1800, held orders, stale tracking and after-sales
                                  3600); every process on one database must use the same
          --sync-interval SECONDS sync the connected shops each SECONDS (default 60)
          --tracking-interval SECONDS
                                  ask 顺丰 where shipped parcels are each SECONDS (default 1800)
          --held-hours N          remind about orders on hold for N hours or more (default 24)
        """

    /// Writes the one line a job run gets in the server's log.
    static func log(_ report: JobRunReport, to logger: Logger) {
        logger.log(
            report.outcome == .succeeded ? .info : .error,
            "job.run",
            [
                "job.name": report.job, "company.id": String(report.companyID), "job.tick": String(report.tick),
                "job.run_id": String(report.runID), "job.outcome": report.outcome.rawValue,
                "duration_ms": String(format: "%.3f", report.durationMilliseconds), "job.detail": report.detail,
            ]
        )
    }
}
