public import ZhangguiCore

/// What a 快手 channel may be told; many Kuaishou facts are unconfirmed (docs/CHANNELS.md).
public struct KuaishouSettings: Sendable, Hashable {
    public var signMethod: KuaishouSignMethod
    /// 1–100 (unconfirmed maximum).
    public var pageSize: Int64
    /// The longest `open.order.cursor.list` window (unconfirmed; one day by default, the platform may allow 7).
    public var maximumWindowMillis: Int64
    /// `queryType` for listings by update time (unconfirmed: 2).
    public var updateTimeQueryType: Int64
    /// `orderViewStatus` for every status (unconfirmed: 1).
    public var allOrdersViewStatus: Int64
    /// The cursor value that means "no more pages" (unconfirmed: `nomore`; an empty cursor also ends).
    public var endCursor: String
    /// Order `status` codes to the internal set (unconfirmed codes: 10, 30, 40, 50, 70, 80).
    public var statusMap: [Int64: PlatformOrderStatus]
    /// Which product field holds the 商家编码 (unconfirmed: `skuNick`, else `relSkuId`).
    public var outerIDField: String
    /// Error texts meaning the seller must authorise again.
    public var expiredMarkers: [String]
    /// Error texts meaning "slow down".
    public var rateLimitMarkers: [String]
    public var fallbackRetrySeconds: Int
    /// The refresh token's lifetime when the answer does not state it (180 days per the spec).
    public var refreshLifetimeMillis: Int64
    /// `changeType` of `open.item.sku.stock.update` that adds `skuChangeStock` (unconfirmed: 1).
    public var stockIncreaseChangeType: Int64
    /// `changeType` that takes `skuChangeStock` away (unconfirmed: 2).
    public var stockDecreaseChangeType: Int64
    /// Where `open.item.get` lists an item's SKUs, and each SKU's id and stock (unconfirmed: `skuInfos`,
    /// `kwaiSkuId`, `skuStock`).
    public var itemSKUsField: String
    public var itemSKUIDField: String
    public var itemSKUStockField: String

    public init(
        signMethod: KuaishouSignMethod = .hmacSHA256,
        pageSize: Int64 = 50,
        maximumWindowMillis: Int64 = 86_400_000,
        updateTimeQueryType: Int64 = 2,
        allOrdersViewStatus: Int64 = 1,
        endCursor: String = "nomore",
        statusMap: [Int64: PlatformOrderStatus] = [
            10: .pendingPayment, 30: .awaitingShipment, 40: .shipped, 50: .delivered, 70: .delivered, 80: .closed,
        ],
        outerIDField: String = "skuNick",
        expiredMarkers: [String] = ["鉴权失败", "TOKEN过期", "AUTHORIZATION_REVOKED", "refreshToken.discarded"],
        rateLimitMarkers: [String] = ["exceed qps limit", "exceed quota limit"],
        fallbackRetrySeconds: Int = 1,
        refreshLifetimeMillis: Int64 = 180 * 86_400_000,
        stockIncreaseChangeType: Int64 = 1,
        stockDecreaseChangeType: Int64 = 2,
        itemSKUsField: String = "skuInfos",
        itemSKUIDField: String = "kwaiSkuId",
        itemSKUStockField: String = "skuStock"
    ) {
        self.signMethod = signMethod
        self.pageSize = pageSize
        self.maximumWindowMillis = maximumWindowMillis
        self.updateTimeQueryType = updateTimeQueryType
        self.allOrdersViewStatus = allOrdersViewStatus
        self.endCursor = endCursor
        self.statusMap = statusMap
        self.outerIDField = outerIDField
        self.expiredMarkers = expiredMarkers
        self.rateLimitMarkers = rateLimitMarkers
        self.fallbackRetrySeconds = fallbackRetrySeconds
        self.refreshLifetimeMillis = refreshLifetimeMillis
        self.stockIncreaseChangeType = stockIncreaseChangeType
        self.stockDecreaseChangeType = stockDecreaseChangeType
        self.itemSKUsField = itemSKUsField
        self.itemSKUIDField = itemSKUIDField
        self.itemSKUStockField = itemSKUStockField
    }
}
