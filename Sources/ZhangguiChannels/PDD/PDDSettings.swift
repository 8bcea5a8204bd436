/// What a 拼多多 channel may be told beyond the spec's confirmed facts (docs/CHANNELS.md).
public struct PDDSettings: Sendable, Hashable {
    /// How the gateway receives parameters: the spec's sources use both.
    public enum BodyFormat: String, Sendable, Hashable {
        case form
        case json
    }

    public var bodyFormat: BodyFormat
    /// 1–100.
    public var pageSize: Int64
    /// `pdd.order.number.list.increment.get` spans at most 30 minutes.
    public var maximumWindowMillis: Int64
    /// `error_code`s meaning the seller must authorise again (10019 access_token已过期).
    public var authorizationExpiredCodes: Set<String>
    /// `error_code`s meaning "slow down" (unconfirmed: none known; HTTP 429 always counts).
    public var rateLimitCodes: Set<String>
    /// Seconds to wait after a rate-limit answer.
    public var fallbackRetrySeconds: Int
    /// `after_sales_status` sent to ask for every refund (unconfirmed: qihangerp sends 1).
    public var allAfterSalesStatus: String
    /// Whether refund amounts come in fen (unconfirmed; the spec says PDD amounts are yuan).
    public var refundAmountsInFen: Bool

    public init(
        bodyFormat: BodyFormat = .form,
        pageSize: Int64 = 100,
        maximumWindowMillis: Int64 = 1_800_000,
        authorizationExpiredCodes: Set<String> = ["10019"],
        rateLimitCodes: Set<String> = [],
        fallbackRetrySeconds: Int = 10,
        allAfterSalesStatus: String = "1",
        refundAmountsInFen: Bool = false
    ) {
        self.bodyFormat = bodyFormat
        self.pageSize = pageSize
        self.maximumWindowMillis = maximumWindowMillis
        self.authorizationExpiredCodes = authorizationExpiredCodes
        self.rateLimitCodes = rateLimitCodes
        self.fallbackRetrySeconds = fallbackRetrySeconds
        self.allAfterSalesStatus = allAfterSalesStatus
        self.refundAmountsInFen = refundAmountsInFen
    }
}
