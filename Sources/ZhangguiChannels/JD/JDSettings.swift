public import ZhangguiCore

/// What a 京东 JOS channel may be told; most JOS facts are unconfirmed (docs/CHANNELS.md).
public struct JDSettings: Sendable, Hashable {
    /// 1–100 (unconfirmed maximum; qihangerp uses 10).
    public var pageSize: Int64
    /// The longest `enSearch` window (unconfirmed; one day by default).
    public var maximumWindowMillis: Int64
    /// `order_state` sent with listings: every state the spec names.
    public var listedOrderStates: String
    /// `dateType` for listings by modification time (unconfirmed: 0).
    public var modifiedDateType: String
    /// Error codes meaning the seller must authorise again (unconfirmed: 19 token已过期或者不存在).
    public var authorizationExpiredCodes: Set<String>
    /// Error codes meaning "slow down" (unconfirmed: none known; HTTP 429 always counts).
    public var rateLimitCodes: Set<String>
    public var fallbackRetrySeconds: Int
    /// Where refresh tokens are exchanged (unconfirmed path).
    public var refreshTokenURL: String
    /// Refund-application `status` codes to ours (unconfirmed: 0 未审核, 1 审核通过, 2 审核不通过, 3 已退款,
    /// 4 已取消). A code not in the map is read as an open request and logged (`channel.unknown_refund_status`).
    public var refundStatusMap: [Int64: AfterSaleStatus]
    /// Whether `applyRefundSum` is in fen (unconfirmed: yes; false reads it as yuan).
    public var refundAmountsInFen: Bool

    public init(
        pageSize: Int64 = 50,
        maximumWindowMillis: Int64 = 86_400_000,
        listedOrderStates: String = [
            "WAIT_SELLER_STOCK_OUT", "SEND_TO_DISTRIBUTION_CENER", "DISTRIBUTION_CENTER_RECEIVED", "RECEIPTS_CONFIRM",
            "WAIT_GOODS_RECEIVE_CONFIRM", "WAIT_SELLER_DELIVERY", "FINISHED_L", "TRADE_CANCELED", "LOCKED", "PAUSE",
        ].joined(separator: ","),
        modifiedDateType: String = "0",
        authorizationExpiredCodes: Set<String> = ["19"],
        rateLimitCodes: Set<String> = [],
        fallbackRetrySeconds: Int = 10,
        refreshTokenURL: String = "https://open-oauth.jd.com/oauth2/refresh_token",
        refundStatusMap: [Int64: AfterSaleStatus] = [
            0: .requested, 1: .awaitingReturn, 2: .refused, 3: .succeeded, 4: .closed,
        ],
        refundAmountsInFen: Bool = true
    ) {
        self.pageSize = pageSize
        self.maximumWindowMillis = maximumWindowMillis
        self.listedOrderStates = listedOrderStates
        self.modifiedDateType = modifiedDateType
        self.authorizationExpiredCodes = authorizationExpiredCodes
        self.rateLimitCodes = rateLimitCodes
        self.fallbackRetrySeconds = fallbackRetrySeconds
        self.refreshTokenURL = refreshTokenURL
        self.refundStatusMap = refundStatusMap
        self.refundAmountsInFen = refundAmountsInFen
    }

    static let orderFields = [
        "orderId", "venderId", "orderType", "orderState", "payType", "orderTotalPrice", "orderSellerPrice",
        "orderPayment", "freightPrice", "sellerDiscount", "orderRemark", "venderRemark", "orderStartTime",
        "paymentConfirmTime", "modified", "orderEndTime", "waybill", "logisticsId", "consigneeInfo", "itemInfoList",
    ].joined(separator: ",")
}
