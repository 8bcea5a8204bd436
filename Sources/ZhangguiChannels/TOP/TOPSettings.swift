/// What a TOP channel may be told beyond the spec's confirmed facts; each default is the spec's value or, for
/// an unconfirmed fact, the guess named in docs/CHANNELS.md.
public struct TOPSettings: Sendable, Hashable {
    public var signMethod: TOPSignMethod
    /// 1–100; the spec recommends 40–50 and allows 100.
    public var pageSize: Int64
    /// `taobao.trades.sold.increment.get` spans at most one day.
    public var maximumWindowMillis: Int64
    /// Top-level error codes that mean the seller must authorise again (26 missing, 27 invalid session).
    public var authorizationExpiredCodes: Set<String>
    /// Top-level error codes that mean the platform failed on its side (15 remote service error: unconfirmed).
    public var unavailableCodes: Set<String>
    /// Seconds to wait after code 7 when its message names no ban length.
    public var fallbackRetrySeconds: Int
    /// Fetch `taobao.trade.fullinfo.get` for each listed trade, for apps whose list answers are partial.
    public var fetchDetailForListedTrades: Bool

    public init(
        signMethod: TOPSignMethod = .md5,
        pageSize: Int64 = 100,
        maximumWindowMillis: Int64 = 86_400_000,
        authorizationExpiredCodes: Set<String> = ["26", "27"],
        unavailableCodes: Set<String> = ["15"],
        fallbackRetrySeconds: Int = 10,
        fetchDetailForListedTrades: Bool = false
    ) {
        self.signMethod = signMethod
        self.pageSize = pageSize
        self.maximumWindowMillis = maximumWindowMillis
        self.authorizationExpiredCodes = authorizationExpiredCodes
        self.unavailableCodes = unavailableCodes
        self.fallbackRetrySeconds = fallbackRetrySeconds
        self.fetchDetailForListedTrades = fetchDetailForListedTrades
    }

    /// The trade fields asked for: everything the parser reads, and all that TOP requires before it returns the
    /// `oaid` (receiver_name, receiver_address, created, receiver_mobile, receiver_phone).
    static let tradeFields = [
        "tid", "status", "type", "created", "pay_time", "modified", "consign_time", "end_time", "buyer_message",
        "buyer_memo", "seller_memo", "seller_flag", "total_fee", "post_fee", "discount_fee", "adjust_fee",
        "payment", "receiver_name", "receiver_state", "receiver_city", "receiver_district", "receiver_town",
        "receiver_address", "receiver_zip", "receiver_mobile", "receiver_phone", "oaid", "orders",
        "step_trade_status",
    ].joined(separator: ",")

    static let refundFields = [
        "refund_id", "tid", "oid", "title", "total_fee", "refund_fee", "payment", "status", "created", "modified",
        "good_status", "has_good_return", "company_name", "sid", "reason", "desc", "order_status", "refund_phase",
        "dispute_type",
    ].joined(separator: ",")
}
