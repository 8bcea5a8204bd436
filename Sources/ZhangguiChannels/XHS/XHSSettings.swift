/// What a 小红书 channel may be told beyond the spec's confirmed facts (docs/CHANNELS.md).
public struct XHSSettings: Sendable, Hashable {
    /// 1–100.
    public var pageSize: Int64
    /// Listings by update time span at most 30 minutes.
    public var maximumWindowMillis: Int64
    /// `error_code`s meaning the seller must authorise again (unconfirmed: none known).
    public var authorizationExpiredCodes: Set<String>
    /// `error_code`s meaning "slow down" (unconfirmed: none known; HTTP 429 always counts).
    public var rateLimitCodes: Set<String>
    /// While the codes are unconfirmed: an error whose message holds "token" and one of these is an expired grant.
    public var expiredTokenMarkers: [String]
    /// While the codes are unconfirmed: an error whose message holds one of these is a rate limit.
    public var rateLimitMarkers: [String]
    public var fallbackRetrySeconds: Int

    public init(
        pageSize: Int64 = 100,
        maximumWindowMillis: Int64 = 1_800_000,
        authorizationExpiredCodes: Set<String> = [],
        rateLimitCodes: Set<String> = [],
        expiredTokenMarkers: [String] = ["过期", "失效", "expired", "invalid"],
        rateLimitMarkers: [String] = ["限流", "频繁", "rate limit", "qps"],
        fallbackRetrySeconds: Int = 1
    ) {
        self.pageSize = pageSize
        self.maximumWindowMillis = maximumWindowMillis
        self.authorizationExpiredCodes = authorizationExpiredCodes
        self.rateLimitCodes = rateLimitCodes
        self.expiredTokenMarkers = expiredTokenMarkers
        self.rateLimitMarkers = rateLimitMarkers
        self.fallbackRetrySeconds = fallbackRetrySeconds
    }
}
