import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Platform errors during sync")
struct ShopErrorHandlingTests {
    @Test("an expired token flips the shop to 授权过期 and raises one alert, over two runs", arguments: Engine.all)
    func expiredToken(engine: Engine) throws {
        let bed = try SyncBed(engine)
        bed.channel.fail(with: .authorizationExpired(code: "27", message: "Invalid session"))

        let first = try bed.runOnce()
        bed.clock.millis += 60_000
        let second = try bed.runOnce()

        #expect(first.outcome == .authorizationExpired)
        #expect(second.skipped == "authorizationExpired (授权过期)")
        #expect(try bed.connection().status == .authorizationExpired)
        let alerts = try bed.alerts()
        #expect(alerts.count == 1)
        #expect(alerts.first?.kind == .shopAuthorizationExpired)
        #expect(alerts.first?.shopID == bed.shopID)
        #expect(alerts.first?.shopCode == "TB")
        let detail = "shop TB (淘宝/天猫): the platform refused the grant (27); 授权过期, authorise the shop again"
        #expect(alerts.first?.detail == detail)
        // 2026-12-05 00:00:00 UTC in seconds: the first run's clock.
        #expect(alerts.first?.raisedAt == 1_796_428_800)
        #expect(try bed.runs().map(\.outcome) == [.authorizationExpired])
    }

    @Test("the scheduled pass sums up every shop in one line", arguments: Engine.all)
    func scheduledSummary(engine: Engine) throws {
        let bed = try SyncBed(engine)
        bed.channel.put(platformOrder("S1", modified: SyncBed.midnight - 1000))
        #expect(try bed.sync.runScheduled(company: bed.companyID) == "1 shop: 1 orders new, 0 changed, 0 refunds")
        bed.channel.fail(with: .authorizationExpired(code: "27", message: "Invalid session"))
        bed.clock.millis += 60_000
        #expect(
            try bed.sync.runScheduled(company: bed.companyID)
                == "1 shop: 0 orders new, 0 changed, 0 refunds; 1 stopped (TB authorizationExpired)"
        )
    }

    @Test("authorising again makes the shop active and closes the alert", arguments: Engine.all)
    func reauthorise(engine: Engine) throws {
        let bed = try SyncBed(engine)
        bed.channel.fail(with: .authorizationExpired(code: "27", message: "Invalid session"))
        try bed.runOnce()
        bed.channel.fail(with: nil)
        let credentials = ShopCredentials(
            platform: .taobao,
            appKey: "app-key",
            appSecret: "app-secret",
            authorization: ShopAuthorization(accessToken: "token-2", accessExpiresAtMillis: .max),
            endpoint: "http://127.0.0.1:1/router/rest"
        )
        try ShopService(database: bed.database, box: bed.box)
            .connect(code: "TB", name: "淘宝店", credentials: credentials, replacing: true, companyID: bed.companyID)
        #expect(try bed.connection().status == .active)
        #expect(try bed.alerts().isEmpty)
        let all = try AlertService(database: bed.database)
            .alerts(companyID: bed.companyID, kind: .shopAuthorizationExpired, includeCleared: true)
        #expect(all.count == 1)
        #expect(all.first?.clearedAt != nil)
        #expect(try bed.runOnce().outcome == .done)
    }

    @Test("a rate limit makes the shop wait as long as the platform says", arguments: Engine.all)
    func rateLimited(engine: Engine) throws {
        let bed = try SyncBed(engine)
        bed.channel.fail(with: .rateLimited(retryAfterSeconds: 30, message: "This ban will last for 30 more seconds"))
        #expect(try bed.runOnce().outcome == .rateLimited)
        bed.channel.fail(with: nil)

        bed.clock.millis += 29_000
        #expect(try bed.runOnce().skipped != nil)
        bed.clock.millis += 1_000
        #expect(try bed.runOnce().outcome == .done)
    }

    @Test("a platform that is down is tried again next run from the same checkpoint", arguments: Engine.all)
    func unavailable(engine: Engine) throws {
        let bed = try SyncBed(engine)
        bed.channel.put(platformOrder("D1", modified: SyncBed.midnight - 1000))
        bed.channel.fail(with: .unavailable(message: "connection refused"))
        #expect(try bed.runOnce().outcome == .unavailable)
        #expect(try bed.connection().ordersCheckpointMillis == nil)
        #expect(try bed.runs().last?.lastError == "platform unavailable: connection refused")

        bed.channel.fail(with: nil)
        bed.clock.millis += 60_000
        #expect(try bed.runOnce().orders.new == 1)
    }

    @Test("a grant about to end is refreshed before the pass, and stored sealed", arguments: Engine.all)
    func refresh(engine: Engine) throws {
        let grant = ShopAuthorization(
            accessToken: "token-1",
            accessExpiresAtMillis: SyncBed.midnight + 60_000,
            refreshToken: "refresh-1"
        )
        let bed = try SyncBed(engine, grant: grant)
        try bed.runOnce()
        let shop = try bed.connection()
        let credentials = try ShopService(database: bed.database, box: bed.box).credentials(
            of: shop,
            companyID: bed.companyID
        )
        #expect(credentials.authorization.accessToken == "token-1-refreshed")
        #expect(credentials.authorization.accessExpiresAtMillis == SyncBed.midnight + 60_000 + 86_400_000)
        #expect(!shop.sealedCredentials.contains("token"))
    }
}
