import Dispatch
@preconcurrency import Glibc
import Synchronization
import ZhangguiAdapters
import ZhangguiChannels
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiStore

/// `zhanggui serve`: the web pages and the JSON API over HTTP until SIGINT or SIGTERM.
enum ServeCommand {
    static let command = Command(
        name: "serve",
        summary: "serve the web pages and the JSON API over HTTP until stopped",
        help: """
            Usage: zhanggui serve [--bind ADDRESS] [--port N] [--max-body BYTES] [--max-upload BYTES] [--behind-tls]
                                  [--behind-proxy] [--no-scheduler] [--job-interval SECONDS] [--held-hours N]
                                  [--sync-interval SECONDS] [--tracking-interval SECONDS]

            Serves the web pages at / (docs/WEB.md) and the JSON API at /api/v1 (docs/SERVER.md) for the companies
            in the database, behind sign-in: a session cookie or an API token. --behind-tls marks the session cookie Secure, for a server reached through a
            TLS proxy. --behind-proxy takes the client's address for the failed-sign-in limit from the last entry
            of X-Forwarded-For, which the proxy in front must append (use it only then: a client could send its
            own). Listens on 127.0.0.1 port 8080 unless told otherwise; --port 0 picks a free port.
            ADDRESS is a numeric IPv4 or IPv6 address. Bodies over --max-body (default 1048576) are refused with
            413; the import uploads (POST /imports/preview, POST /api/v1/imports/{kind}) take up to --max-upload
            (default 67108864, 64 MiB).
            Couriers push tracking to /hooks/couriers/COMPANY/ACCOUNT outside sign-in (zhanggui courier hook-url).
            One line per request is logged to standard error. Ctrl-C or SIGTERM stops the server gracefully:
            requests in flight get up to 10 seconds to finish, then it exits 0.

            The server also runs the scheduled jobs (shop sync, low-stock alerts, reminders of orders held too
            long, 顺丰 tracking polling, stale tracking, idle after-sales) for every company, each tick once however
            many servers share the database, and logs one line per run.
            --no-scheduler leaves them to other processes (or to `zhanggui jobs --run`).
            \(JobSettings.help)
            """,
        flags: ["behind-tls", "behind-proxy", "no-scheduler"],
        options: Set(["bind", "port", "max-body", "max-upload"]).union(JobSettings.options)
    ) { arguments in
        let logger = Logger()
        let configuration = HTTPServer.Configuration(
            bindAddress: arguments.option("bind") ?? "127.0.0.1",
            port: try port(arguments),
            maximumBodyBytes: try arguments.integer("max-body", default: 1 << 20),
            maximumUploadBytes: try arguments.integer("max-upload", default: 64 << 20),
            logger: logger
        )
        let jobs = arguments.flag("no-scheduler") ? nil : try JobSettings(arguments).jobs()
        let workspace = Workspace(arguments)
        let database = try workspace.open()
        var settings = ZhangguiAPI.Settings(
            isBehindTLS: arguments.flag("behind-tls"),
            trustsForwardedFor: arguments.flag("behind-proxy"),
            checkAddress: try workspace.addressBook().checker,
            taskDirectory: workspace.databasePath.contains("://") ? nil : workspace.databasePath + ".tasks",
            shopSync: try? ShopCommands.syncService(database)
        )
        let courierAccounts = CourierAccounts(database: database, box: try? ShopCommands.secretBox())
        settings.courierWaybills = CourierWaybillService(
            database: database,
            accounts: courierAccounts,
            makeClient: CourierClientFactory.maker
        )
        settings.courierPushes = CourierPushService(
            database: database,
            accounts: courierAccounts,
            readers: CourierClientFactory.pushReaders
        )
        let api = ZhangguiAPI(database: database, schemaVersion: try Migrator.version(of: database), settings: settings)
        let interrupted = try api.interruptUnfinishedTasks()
        if interrupted > 0 { logger.warning("tasks.interrupted", ["tasks.count": String(interrupted)]) }
        let stopSignals = StopSignals()
        let server = try HTTPServer(configuration: configuration, router: api.siteRouter)
        logger.info("listening", ["http.address": server.bindAddress, "http.port": String(server.port)])
        Output.line("listening on \(server.url)")
        Output.line("stop with Ctrl-C, or: kill -TERM \(getpid())")
        let scheduler = jobs.map { startScheduler(database, $0, logger) }
        logger.info("stopping", ["signal": stopSignals.wait()])
        server.stop(gracePeriod: .seconds(10))
        scheduler?.stop()
        logger.info("stopped")
        return 0
    }

    /// Starts the scheduled jobs on a thread of their own, logging each run.
    private static func startScheduler(_ database: any Database, _ jobs: [any ScheduledJob], _ logger: Logger)
        -> SchedulerLoop
    {
        let scheduler = Scheduler(database: database, jobs: jobs)
        let jobs = scheduler.jobs.map { "\($0.name)/\($0.interval)s" }.joined(separator: ",")
        logger.info("scheduler.started", ["scheduler.runner": scheduler.runner, "scheduler.jobs": jobs])
        return SchedulerLoop(scheduler) { report in
            JobSettings.log(report, to: logger)
        } onError: { error in
            logger.error("scheduler.failed", ["error.detail": String(describing: error)])
        }
    }

    private static func port(_ arguments: Arguments) throws(UsageError) -> UInt16 {
        guard let text = arguments.option("port") else { return 8080 }
        guard let port = UInt16(text) else { throw UsageError("--port needs a number from 0 to 65535") }
        return port
    }
}

/// SIGINT and SIGTERM, caught instead of ending the process so the server can stop gracefully. Installed before
/// the server starts, so no signal is missed.
private final class StopSignals {
    private let caught = CaughtSignal()
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [caught] in caught.record(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Blocks until a signal comes and returns its name.
    func wait() -> String {
        caught.wait() == SIGINT ? "SIGINT" : "SIGTERM"
    }
}

private final class CaughtSignal: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let number = Atomic<Int32>(0)

    func record(_ signal: Int32) {
        number.store(signal, ordering: .relaxed)
        semaphore.signal()
    }

    func wait() -> Int32 {
        semaphore.wait()
        return number.load(ordering: .relaxed)
    }
}
