import Synchronization
public import ZhangguiCore

/// The simulator's state — shops, tokens, orders, after-sales, listings, what the gateways recorded — shared by
/// the six gateways and the control API. Every method takes the lock once, so each change is atomic.
public final class SimWorld: Sendable {
    let state = Mutex(WorldState())
    /// The couriers' side (顺丰 丰桥, 中通 ZOP, and the numbers 菜鸟 issues through TOP).
    public let couriers = CourierDesk()

    public init() {}

    // MARK: Clock

    /// Now, on the simulator's clock (UTC milliseconds).
    public var nowMillis: Int64 { state.withLock { $0.now } }

    /// Sets the clock; `frozen` stops it there until moved.
    public func setClock(millis: Int64, frozen: Bool = true) {
        state.withLock { $0.clock.set(millis: millis, frozen: frozen) }
    }

    /// Moves the clock forward by `seconds` (back for a negative amount).
    public func advanceClock(seconds: Int64) {
        advanceClock(millis: seconds * 1000)
    }

    public func advanceClock(millis: Int64) {
        state.withLock { $0.clock.advance(millis: millis) }
    }

    // MARK: Configuration

    public func limits(for platform: Platform) -> GatewayLimits {
        state.withLock { $0.limits[platform] ?? .standard(for: platform) }
    }

    public func setLimits(_ limits: GatewayLimits, for platform: Platform) {
        state.withLock { $0.limits[platform] = limits }
    }

    public func tokenPolicy(for platform: Platform) -> TokenPolicy {
        state.withLock { $0.tokenPolicies[platform] ?? .standard(for: platform) }
    }

    public func setTokenPolicy(_ policy: TokenPolicy, for platform: Platform) {
        state.withLock { $0.tokenPolicies[platform] = policy }
    }

    /// Sets or (with nil) lifts a platform's rate limit; counters and bans start afresh.
    public func setRateLimit(_ limit: RateLimit?, for platform: Platform) {
        state.withLock { state in
            state.rateLimits[platform] = limit
            state.rateWindows = state.rateWindows.filter { !$0.key.hasPrefix(platform.rawValue + "/") }
            state.bans = state.bans.filter { !$0.key.hasPrefix(platform.rawValue + "/") }
        }
    }

    public func rateLimit(for platform: Platform) -> RateLimit? {
        state.withLock { $0.rateLimits[platform] }
    }

    public func availability(of platform: Platform) -> Availability {
        state.withLock { $0.availability[platform] ?? .up }
    }

    func setAvailability(_ availability: Availability, of platform: Platform) {
        state.withLock { $0.availability[platform] = availability }
    }

    /// Counts a call of `appKey` against the platform's rate limit.
    /// - Returns: nil when admitted; otherwise the whole seconds the caller must still wait (at least 1).
    func admit(platform: Platform, appKey: String) -> Int? {
        state.withLock { state in
            state.callCounts[platform, default: 0] += 1
            guard let limit = state.rateLimits[platform] else { return nil }
            let key = platform.rawValue + "/" + appKey
            let now = state.now
            if let until = state.bans[key], until > now {
                return Int((until - now + 999) / 1000)
            }
            let second = now / 1000
            var window = state.rateWindows[key] ?? (second, 0)
            if window.second != second { window = (second, 0) }
            window.count += 1
            state.rateWindows[key] = window
            guard window.count > limit.requestsPerSecond else { return nil }
            let until = limit.banSeconds > 0 ? now + Int64(limit.banSeconds) * 1000 : (second + 1) * 1000
            state.bans[key] = until
            return Int((until - now + 999) / 1000)
        }
    }

    /// Calls the gateways answered, per platform.
    public func callCount(_ platform: Platform) -> Int {
        state.withLock { $0.callCounts[platform] ?? 0 }
    }

    // MARK: Shops

    /// Adds a shop (or replaces its keys).
    public func addShop(_ shop: SimShop) {
        state.withLock { $0.shops[shop.shopID] = shop }
    }

    public func shop(_ shopID: String) throws(SimError) -> SimShop {
        try state.withLock { state throws(SimError) in try state.shop(shopID) }
    }

    public var shops: [SimShop] {
        state.withLock { Array($0.shops.values).sorted { $0.shopID < $1.shopID } }
    }

    /// The shop whose application key is `appKey` on `platform`, if any (the first by id when several share it).
    func shops(platform: Platform, appKey: String) -> [SimShop] {
        state.withLock { state in
            state.shops.values.filter { $0.platform == platform && $0.appKey == appKey }.sorted {
                $0.shopID < $1.shopID
            }
        }
    }
}
