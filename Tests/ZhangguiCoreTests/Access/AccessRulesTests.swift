import Testing
import ZhangguiCore

@Suite("Data scopes, sign-in throttles and session timeouts")
struct AccessRulesTests {
    @Test("a scope of all shops admits any shop; a list admits only its own; an empty list admits none")
    func scopes() {
        let oneShop = DataScope(shops: .only([7]), warehouses: .all)
        #expect(DataScope.everything.admits(shop: 42))
        #expect(oneShop.admits(shop: 7))
        #expect(!oneShop.admits(shop: 8))
        #expect(oneShop.admits(warehouse: 3))
        #expect(!DataScope(shops: .only([]), warehouses: .only([])).admits(warehouse: 1))
    }

    @Test("a scope covers another only when it admits everything the other does")
    func covering() {
        let twoShops = DataScope(shops: .only([1, 2]), warehouses: .only([5]))
        #expect(DataScope.everything.covers(twoShops))
        #expect(twoShops.covers(DataScope(shops: .only([2]), warehouses: .only([5]))))
        #expect(!twoShops.covers(DataScope(shops: .only([2, 3]), warehouses: .only([5]))))
        #expect(!twoShops.covers(DataScope(shops: .only([1]), warehouses: .all)))
    }

    @Test("five failures in 15 minutes stop the sixth attempt until the oldest is 15 minutes old")
    func throttle() {
        let throttle = SignInThrottle.perAccount
        let failures: [Int64] = [1000, 1060, 1120, 1180, 1240]
        #expect(throttle.retryAfter(failures: Array(failures.prefix(4)), now: 1300) == nil)
        // The oldest failure (1000) leaves the window at 1000 + 900 = 1900; at 1300 that is 600 s away.
        #expect(throttle.retryAfter(failures: failures, now: 1300) == 600)
        #expect(throttle.retryAfter(failures: failures, now: 1899) == 1)
        #expect(throttle.retryAfter(failures: failures, now: 1900) == nil)
    }

    @Test("with more failures than the limit, the wait runs until fewer than the limit remain in the window")
    func throttleWithMoreFailures() {
        let throttle = SignInThrottle(limit: 2, window: 100)
        // Newest first: 50, 40, 30. The second newest (40) leaves the window at 140.
        #expect(throttle.retryAfter(failures: [30, 40, 50], now: 60) == 80)
    }

    @Test("a session ends 12 hours after its last request or 7 days after sign-in, whichever comes first")
    func sessions() {
        let timeouts = SessionTimeouts.standard
        #expect(!timeouts.hasExpired(createdAt: 0, lastSeenAt: 0, now: 43_199))
        #expect(timeouts.hasExpired(createdAt: 0, lastSeenAt: 0, now: 43_200))
        #expect(!timeouts.hasExpired(createdAt: 0, lastSeenAt: 600_000, now: 604_799))
        #expect(timeouts.hasExpired(createdAt: 0, lastSeenAt: 600_000, now: 604_800))
        #expect(timeouts.expiry(createdAt: 0, lastSeenAt: 600_000) == 604_800)
    }
}
