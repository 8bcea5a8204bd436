public import ZhangguiCore

/// The listing limits a gateway enforces (specs/platform-apis.md §9), configurable per platform.
public struct GatewayLimits: Sendable, Hashable, Codable {
    /// The longest modified-time window one order listing may ask for.
    public var maximumWindowSeconds: Int64
    /// The longest created-time window (PDD `pdd.order.list.get`, 小红书 timeType 1).
    public var maximumCreatedWindowSeconds: Int64
    /// The longest refund-listing window.
    public var maximumRefundWindowSeconds: Int64
    public var maximumPageSize: Int
    /// A request's timestamp may differ from the gateway's clock by this much.
    public var timestampToleranceSeconds: Int64

    public init(
        maximumWindowSeconds: Int64,
        maximumCreatedWindowSeconds: Int64? = nil,
        maximumRefundWindowSeconds: Int64? = nil,
        maximumPageSize: Int = 100,
        timestampToleranceSeconds: Int64 = 600
    ) {
        self.maximumWindowSeconds = maximumWindowSeconds
        self.maximumCreatedWindowSeconds = maximumCreatedWindowSeconds ?? maximumWindowSeconds
        self.maximumRefundWindowSeconds = maximumRefundWindowSeconds ?? maximumWindowSeconds
        self.maximumPageSize = maximumPageSize
        self.timestampToleranceSeconds = timestampToleranceSeconds
    }

    /// TOP ≤ 1 day; PDD ≤ 30 min (created ≤ 24 h); 小红书 ≤ 30 min (created ≤ 24 h); 快手 refunds ≤ 7 days (spec).
    /// JD 1 day, 抖店 1 day and 快手 orders 7 days are unconfirmed, the simulator's choice. JD allows 6 minutes of clock
    /// skew (its gateway error table, code 8), the others 10.
    public static func standard(for platform: Platform) -> GatewayLimits {
        switch platform {
        case .taobao: GatewayLimits(maximumWindowSeconds: 86_400)
        case .jd: GatewayLimits(maximumWindowSeconds: 86_400, timestampToleranceSeconds: 360)
        case .pinduoduo: GatewayLimits(maximumWindowSeconds: 1800, maximumCreatedWindowSeconds: 86_400)
        case .doudian: GatewayLimits(maximumWindowSeconds: 86_400)
        case .kuaishou: GatewayLimits(maximumWindowSeconds: 7 * 86_400)
        case .xiaohongshu: GatewayLimits(maximumWindowSeconds: 1800, maximumCreatedWindowSeconds: 86_400)
        }
    }
}

/// A request rate a gateway allows per application, and what it does beyond it.
public struct RateLimit: Sendable, Hashable, Codable {
    /// Calls per second of the simulator's clock.
    public var requestsPerSecond: Int
    /// Once over the rate, every call is refused this long (TOP's "This ban will last for N more seconds");
    /// 0 refuses only the rest of the second.
    public var banSeconds: Int

    public init(requestsPerSecond: Int, banSeconds: Int = 0) {
        self.requestsPerSecond = requestsPerSecond
        self.banSeconds = banSeconds
    }
}

/// Whether a platform's gateway answers.
public enum Availability: String, Sendable, Codable {
    case up
    /// Every call answers 503.
    case unavailable
    /// The port is closed: connections are refused (in process: answered 503).
    case refusing
}
