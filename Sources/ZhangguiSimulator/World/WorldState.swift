import ZhangguiCore

/// Everything the simulator holds; guarded by ``SimWorld``'s lock.
struct WorldState: Sendable {
    var clock = SimClock()
    var shops: [String: SimShop] = [:]
    var grants: [SimGrant] = []
    /// Authorisation codes not yet exchanged: code → (shop, expiry).
    var codes: [String: (shopID: String, expiresMillis: Int64)] = [:]
    var orders: [String: SimOrder] = [:]
    var afterSales: [String: SimAfterSale] = [:]
    var listings: [SimListing] = []
    var shipments: [SimShipment] = []
    var stockPushes: [SimStockPush] = []
    var idempotencyKeys: Set<String> = []
    var decryptQuotas: [String: Int] = [:]
    var decryptedOrders: [String: Set<String>] = [:]
    var limits: [Platform: GatewayLimits] = Dictionary(
        uniqueKeysWithValues: Platform.allCases.map { ($0, .standard(for: $0)) }
    )
    var tokenPolicies: [Platform: TokenPolicy] = Dictionary(
        uniqueKeysWithValues: Platform.allCases.map { ($0, .standard(for: $0)) }
    )
    var rateLimits: [Platform: RateLimit] = [:]
    var availability: [Platform: Availability] = [:]
    var rateWindows: [String: (second: Int64, count: Int)] = [:]
    var bans: [String: Int64] = [:]
    var counter: Int64 = 0
    /// Calls answered per platform, for tests and the state summary.
    var callCounts: [Platform: Int] = [:]

    var now: Int64 { clock.nowMillis }

    mutating func nextNumber() -> Int64 {
        counter += 1
        return counter
    }

    func shop(_ shopID: String) throws(SimError) -> SimShop {
        guard let shop = shops[shopID] else { throw .noShop(shopID) }
        return shop
    }

    func order(_ orderID: String, shop shopID: String) throws(SimError) -> SimOrder {
        guard let order = orders[orderID], order.shopID == shopID else { throw .noOrder(orderID) }
        return order
    }

    /// A moment strictly after the order's last change, so every change is seen by a later window.
    func changeTime(after previous: Int64) -> Int64 {
        max(now, previous + 1)
    }
}
