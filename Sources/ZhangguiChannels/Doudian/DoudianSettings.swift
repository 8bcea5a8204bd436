/// What a 抖店 channel may be told beyond the spec's confirmed facts (docs/CHANNELS.md).
public struct DoudianSettings: Sendable, Hashable {
    public var signMethod: DoudianSignMethod
    /// 1–100.
    public var pageSize: Int64
    /// The longest `order.searchList` window (unconfirmed; one day by default).
    public var maximumWindowMillis: Int64
    /// `sub_code`s meaning the seller must authorise again.
    public var authorizationExpiredSubCodes: Set<String>
    /// Seconds to wait after code 60000, which names no time.
    public var fallbackRetrySeconds: Int
    /// The refresh token's lifetime when the answer does not state it (14 days per the spec).
    public var refreshLifetimeMillis: Int64

    public init(
        signMethod: DoudianSignMethod = .hmacSHA256,
        pageSize: Int64 = 100,
        maximumWindowMillis: Int64 = 86_400_000,
        authorizationExpiredSubCodes: Set<String> = [
            "isv.access-token-expired", "isv.access-token-no-existed", "dop.authorization-no-existed",
        ],
        fallbackRetrySeconds: Int = 1,
        refreshLifetimeMillis: Int64 = 14 * 86_400_000
    ) {
        self.signMethod = signMethod
        self.pageSize = pageSize
        self.maximumWindowMillis = maximumWindowMillis
        self.authorizationExpiredSubCodes = authorizationExpiredSubCodes
        self.fallbackRetrySeconds = fallbackRetrySeconds
        self.refreshLifetimeMillis = refreshLifetimeMillis
    }
}
