import Foundation
public import ZhangguiCore
public import ZhangguiSecurity
public import ZhangguiStore

/// What one pass over a shop did.
public struct SyncReport: Sendable, Equatable {
    public var shopCode: String
    public var orders = SyncCounts()
    public var refunds = SyncCounts()
    public var uploadsSent = 0
    public var uploadsFailed = 0
    public var stockPushed = 0
    public var stockFailed = 0
    /// How the pass ended: `done`, or the platform error that stopped it.
    public var outcome: SyncRunOutcome = .done
    /// Why nothing was asked of the platform (the shop's status, or a wait the platform asked for); nil when it ran.
    public var skipped: String?
    /// The error that stopped the pass, if any; never secrets or personal data.
    public var error: String?

    public init(shopCode: String) {
        self.shopCode = shopCode
    }
}

/// Incremental sync of connected shops (订单同步): orders and after-sales requests by modification-time window,
/// shipment confirmations back to the platform, and stock pushed to the listings.
///
/// Every page is stored in one transaction together with the sync log's counters and, on a window's last page,
/// the checkpoint: a crash leaves whole pages stored and the checkpoint at the last whole window, and the next run
/// reads from there again, which changes nothing already stored. Platform calls happen outside transactions.
/// All times are UTC milliseconds from `nowMillis`; the server's time zone plays no part.
public struct SyncService: Sendable {
    /// The alert kind raised once when a shop's grant expires.
    public static let expiredAlert = AlertKind.shopAuthorizationExpired
    /// A grant closer than this to its end is refreshed before the pass, where the platform allows.
    static let refreshMarginMillis: Int64 = 600_000

    let database: any Database
    let channels: any ShopChannelFactory
    let shops: ShopService
    let nowMillis: @Sendable () -> Int64

    public init(
        database: any Database,
        channels: any ShopChannelFactory,
        box: SecretBox,
        nowMillis: @escaping @Sendable () -> Int64 = SyncService.systemMillis
    ) {
        self.database = database
        self.channels = channels
        self.shops = ShopService(database: database, box: box)
        self.nowMillis = nowMillis
    }

    /// The system clock in UTC milliseconds.
    @Sendable public static func systemMillis() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// One scheduled pass over every connected shop of the company; a shop that fails does not stop the others.
    /// - Throws: database errors while listing the shops.
    public func runAll(company: Int64) throws -> [SyncReport] {
        try shops.shops(companyID: company).map { shop in
            do {
                return try runOnce(company: company, shop: shop.shopID)
            } catch {
                var report = SyncReport(shopCode: shop.shopCode)
                report.outcome = .failed
                report.error = String(describing: error)
                return report
            }
        }
    }

    /// One scheduled pass over every connected shop, summed up in one line for a scheduler's run record, such as
    /// `2 shops: 14 orders new, 3 changed, 1 refund; 1 shop stopped (authorizationExpired)`. A scheduled job calls
    /// it every 60 s with its company.
    public func runScheduled(company: Int64) throws -> String {
        let reports = try runAll(company: company)
        let new = reports.reduce(Int64(0)) { $0 + $1.orders.new }
        let changed = reports.reduce(Int64(0)) { $0 + $1.orders.changed }
        let refunds = reports.reduce(Int64(0)) { $0 + $1.refunds.new + $1.refunds.changed }
        let stopped = reports.filter { $0.outcome != .done }
        let shops = "\(reports.count) shop\(reports.count == 1 ? "" : "s")"
        var summary = "\(shops): \(new) orders new, \(changed) changed, \(refunds) refunds"
        if !stopped.isEmpty {
            let names = stopped.map { "\($0.shopCode) \($0.outcome.rawValue)" }.joined(separator: ", ")
            summary += "; \(stopped.count) stopped (\(names))"
        }
        return summary
    }

    /// One pass over one shop, for a scheduler to call every minute: orders, then after-sales requests, then
    /// shipment confirmations, then stock. A shop that is not active, or that a platform asked to wait, is skipped.
    /// - Throws: ``ShopError`` when the shop is not connected; database errors. Platform errors end the pass and are
    ///   reported in the result and the sync log, not thrown.
    public func runOnce(company: Int64, shop shopID: Int64) throws -> SyncReport {
        let shop = try connection(shopID, company: company)
        var report = SyncReport(shopCode: shop.shopCode)
        if let reason = skipReason(shop) {
            report.skipped = reason
            return report
        }
        do {
            let session = try open(shop, company: company)
            report.orders = try pull(.orders, session: session)
            report.refunds = try pull(.refunds, session: session)
            (report.uploadsSent, report.uploadsFailed) = try sendShipments(session: session)
            (report.stockPushed, report.stockFailed) = try pushStock(session: session)
        } catch let error as SyncStop {
            report.outcome = error.outcome
            report.error = error.message
        }
        return report
    }

    /// Why a shop is not synced now, or nil.
    func skipReason(_ shop: ShopConnection) -> String? {
        guard shop.status == .active else { return "\(shop.status.rawValue) (\(shop.status.chineseName))" }
        if let until = shop.backoffUntilMillis, until > nowMillis() {
            return "the platform asked to wait until \(until) ms"
        }
        return nil
    }

    func connection(_ shopID: Int64, company: Int64) throws -> ShopConnection {
        guard let shop = try database.read({ try ShopConnectionRecords($0).find(shopID: shopID, companyID: company) })
        else { throw ShopError(code: .notConnected, detail: "with id \(shopID)") }
        return shop
    }
}

/// A shop's channel, ready for one pass.
struct ShopSession {
    let shop: ShopConnection
    let context: CompanyContext
    let channel: any ShopChannel
}

/// A platform error that ended a pass, already recorded (status, alert, back-off, sync log).
struct SyncStop: Error {
    let outcome: SyncRunOutcome
    let message: String
}

extension SyncService {
    /// Opens the shop's channel, refreshing a grant about to end where the platform allows.
    func open(_ shop: ShopConnection, company: Int64) throws -> ShopSession {
        let context = try database.read { try CompanyContext.load(company, from: $0) }
        var credentials = try shops.credentials(of: shop, companyID: company)
        var channel = try makeChannel(credentials, shop: shop, company: company)
        let grant = credentials.authorization
        let refreshable = !grant.refreshToken.isEmpty && (grant.refreshExpiresAtMillis ?? .max) > nowMillis()
        if refreshable, grant.accessExpiresAtMillis - nowMillis() < Self.refreshMarginMillis {
            do {
                credentials.authorization = try channel.refreshAuthorization(grant)
            } catch let error as ChannelError {
                throw try stopBeforeRun(error, shop: shop, company: company)
            }
            let sealed = try shops.seal(credentials, shopID: shop.shopID, companyID: company)
            try database.write {
                try ShopConnectionRecords($0).replaceCredentials(sealed, shopID: shop.shopID, companyID: company)
            }
            channel = try makeChannel(credentials, shop: shop, company: company)
        }
        return ShopSession(shop: shop, context: context, channel: channel)
    }

    private func makeChannel(_ credentials: ShopCredentials, shop: ShopConnection, company: Int64) throws
        -> any ShopChannel
    {
        do {
            return try channels.channel(for: credentials)
        } catch let error as ChannelError {
            throw try stopBeforeRun(error, shop: shop, company: company)
        }
    }

    /// Records a platform error met before any run started (opening the channel, refreshing the grant) as a run of
    /// its own in the sync log, and returns the stop.
    private func stopBeforeRun(_ error: ChannelError, shop: ShopConnection, company: Int64) throws -> SyncStop {
        let stop = try stop(error, shop: shop, company: company)
        let now = nowMillis()
        try database.write { connection in
            let runs = SyncRunRecords(connection)
            let id = try runs.start(.orders, window: nil, atMillis: now, shopID: shop.shopID, companyID: company)
            try runs.finish(id, outcome: stop.outcome, error: stop.message, atMillis: now)
        }
        return stop
    }

    /// Records what a platform error means for the shop and returns the stop that ends the pass:
    /// an expired grant puts the shop in 授权过期 and raises one alert; a rate limit makes the shop wait as long as
    /// the platform says; an unreachable platform is tried again on the next run.
    func stop(_ error: ChannelError, shop: ShopConnection, company: Int64) throws -> SyncStop {
        let now = nowMillis()
        switch error {
        case .authorizationExpired(let code, _):
            try database.write { connection in
                let moved = try ShopConnectionRecords(connection)
                    .setStatus(.authorizationExpired, from: .active, shopID: shop.shopID, companyID: company)
                guard moved else { return }
                let draft = AlertDraft(
                    kind: Self.expiredAlert,
                    subject: ShopService.subject(shop.shopID),
                    shopID: shop.shopID,
                    detail: "shop \(shop.shopCode) (\(shop.platform.displayName)): the platform refused the grant "
                        + "(\(code)); 授权过期, authorise the shop again"
                )
                try AlertRecords(connection).raise(draft, jobRunID: nil, companyID: company, at: now / 1000)
            }
            return SyncStop(outcome: .authorizationExpired, message: error.description)
        case .rateLimited(let seconds, _):
            let until = now + Int64(max(1, seconds)) * 1000
            try database.write {
                try ShopConnectionRecords($0).backOff(until: until, shopID: shop.shopID, companyID: company)
            }
            return SyncStop(outcome: .rateLimited, message: error.description)
        case .unavailable, .malformedResponse:
            return SyncStop(outcome: .unavailable, message: error.description)
        case .rejected:
            return SyncStop(outcome: .failed, message: error.description)
        }
    }
}
