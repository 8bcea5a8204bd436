import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSimulator

/// Tokens live and refresh by each platform's rules (specs §1.3–6.2).
@Suite struct TokenLifecycleTests {
    static let day: Int64 = 86_400_000

    @Test("抖店: authorization_self issues 7 days of access and 14 of refresh; day 8 is refused, refresh works")
    func doudian() throws {
        let fixture = SimulatorFixture()
        let (shop, _) = try fixture.shop(.doudian)
        let created = fixture.call(
            .doudian,
            "token.create",
            ["grant_type": .s("authorization_self"), "shop_id": .s(shop.shopID)],
            shop: shop,
            token: nil
        )
        #expect(created["data", "expires_in"] == .n(604_800), "\(created.text)")
        let access = try #require(created["data", "access_token"]?.text)
        let refresh = try #require(created["data", "refresh_token"]?.text)
        fixture.world.advanceClock(millis: 7 * Self.day + 1000)
        let expired = fixture.call(.doudian, "order.searchList", ["size": .n(10)], shop: shop, token: access)
        #expect(expired["sub_code"] == .s("isv.access-token-expired"))
        let refreshed = fixture.call(
            .doudian,
            "token.refresh",
            ["grant_type": .s("refresh_token"), "refresh_token": .s(refresh)],
            shop: shop,
            token: nil
        )
        let next = try #require(refreshed["data", "access_token"]?.text)
        #expect(
            fixture.call(.doudian, "order.searchList", ["size": .n(10)], shop: shop, token: next)["code"] == .n(10_000)
        )
        fixture.world.advanceClock(millis: 15 * Self.day)
        let late = fixture.call(
            .doudian,
            "token.refresh",
            ["grant_type": .s("refresh_token"), "refresh_token": .s(refresh)],
            shop: shop,
            token: nil
        )
        #expect(late["code"] == .n(40_004))
    }

    @Test("快手: 48 h tokens; a refresh rotates the pair and the old refresh token dies 5 minutes later")
    func kuaishou() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.kuaishou)
        #expect(grant.accessExpiresMillis - SimulatorFixture.epoch == 2 * Self.day)
        #expect(grant.refreshExpiresMillis - SimulatorFixture.epoch == 180 * Self.day)
        func refresh(_ token: String) -> Answer {
            fixture.send(
                .kuaishou,
                .post,
                "/oauth2/refresh_token",
                form: [
                    ("app_id", shop.appKey), ("app_secret", shop.appSecret), ("grant_type", "refresh_token"),
                    ("refresh_token", token),
                ]
            )
        }
        let first = refresh(grant.refreshToken)
        #expect(first["result"] == .n(1))
        #expect(first["expires_in"] == .n(172_800))
        #expect(first["refresh_token"]?.text != grant.refreshToken)
        fixture.world.advanceClock(seconds: 299)
        #expect(refresh(grant.refreshToken)["result"] == .n(1), "still inside the 5 minutes")
        fixture.world.advanceClock(seconds: 2)
        #expect(refresh(grant.refreshToken)["error"] == .s("refreshToken.discarded"))
    }

    @Test("小红书: a refresh with more than 30 minutes left changes nothing; later it rotates, old access 5 more min")
    func xhs() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.xiaohongshu)
        let refresh = {
            fixture.call(
                .xiaohongshu,
                "oauth.refreshToken",
                ["refreshToken": .s(grant.refreshToken)],
                shop: shop,
                token: nil
            )
        }
        #expect(refresh()["data", "accessToken"] == .s(grant.accessToken))
        fixture.world.advanceClock(millis: 7 * Self.day - 20 * 60_000)
        let rotated = refresh()
        let next = try #require(rotated["data", "accessToken"]?.text)
        #expect(next != grant.accessToken)
        let detail: [String: JSONValue] = ["orderId": .s("none")]
        #expect(
            fixture.call(.xiaohongshu, "order.getOrderDetail", detail, shop: shop, token: grant.accessToken)[
                "error_code"
            ]
                == .n(-1009),
            "old token still works (the order is unknown)"
        )
        fixture.world.advanceClock(seconds: 301)
        #expect(
            fixture.call(.xiaohongshu, "order.getOrderDetail", detail, shop: shop, token: grant.accessToken)[
                "error_code"
            ]
                == .n(-1006)
        )
        #expect(
            fixture.call(.xiaohongshu, "order.getOrderDetail", detail, shop: shop, token: next)["error_code"]
                == .n(-1009)
        )
    }

    @Test("TOP: a code from the seller's authorisation becomes a token; a revoked token is refused with 27")
    func topCode() throws {
        let fixture = SimulatorFixture()
        let (shop, _) = try fixture.shop(.taobao)
        let code = try fixture.world.issueCode(shopID: shop.shopID)
        let created = fixture.call(.taobao, "taobao.top.auth.token.create", ["code": .s(code)], shop: shop, token: nil)
        let text = try #require(created["top_auth_token_create_response", "token_result"]?.text)
        let result = try JSONValue.parse(text)
        let token = try #require(result["access_token"]?.text)
        #expect(result["expires_in"] == .n(86_400))
        let business: [String: JSONValue] = ["tid": .s("1"), "fields": .s("tid")]
        #expect(
            fixture.call(.taobao, "taobao.trade.fullinfo.get", business, shop: shop, token: token)[
                "error_response",
                "code"
            ]
                == .n(15)
        )
        let again = fixture.call(.taobao, "taobao.top.auth.token.create", ["code": .s(code)], shop: shop, token: nil)
        #expect(again["error_response", "code"] == .n(41), "a code is single use")
        try fixture.world.revoke(token: token)
        let revoked = fixture.call(.taobao, "taobao.trade.fullinfo.get", business, shop: shop, token: token)
        #expect(revoked["error_response", "code"] == .n(27))
        #expect(revoked["error_response", "sub_code"] == .s("invalid-sessionkey"))
    }
}
