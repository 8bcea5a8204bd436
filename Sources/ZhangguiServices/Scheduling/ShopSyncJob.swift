import ZhangguiCore
public import ZhangguiSecurity
import ZhangguiStore

/// 店铺同步: one pass over every connected shop of the company each tick — orders, after-sales requests, shipment
/// confirmations, stock push (``SyncService/runScheduled(company:)``), so an order paid on a platform is reviewable
/// within a tick.
///
/// Shops that fail do not stop the others; they are named in the run's summary. Without a key for the sealed
/// credentials a company with connected shops fails its runs with the error that says how to give one, and a
/// company without shops runs as a pass over none.
public struct ShopSyncJob: ScheduledJob {
    public static let defaultInterval: Int64 = 60

    public let name = "shopSync"
    public let interval: Int64
    let channels: any ShopChannelFactory
    let box: SecretBox?
    let nowMillis: @Sendable () -> Int64

    /// - Parameters:
    ///   - channels: the platform clients.
    ///   - box: the key the shops' credentials are sealed with; nil when the server was given none.
    ///   - nowMillis: the sync's clock in UTC milliseconds; the system clock unless a test fixes it.
    public init(
        channels: any ShopChannelFactory,
        box: SecretBox?,
        interval: Int64 = Self.defaultInterval,
        nowMillis: @escaping @Sendable () -> Int64 = SyncService.systemMillis
    ) {
        self.channels = channels
        self.box = box
        self.interval = interval
        self.nowMillis = nowMillis
    }

    public func run(_ context: JobContext) throws -> String {
        guard let box else {
            // Only shops that would sync need the key: paused or 授权过期 ones are passed over without it.
            let shops = try ShopService(database: context.database, box: nil).shops(companyID: context.companyID)
            guard shops.allSatisfy({ $0.status != .active }) else { throw SecretKeyError(code: .missing) }
            return "0 shops"
        }
        let sync = SyncService(database: context.database, channels: channels, box: box, nowMillis: nowMillis)
        return try sync.runScheduled(company: context.companyID)
    }
}
