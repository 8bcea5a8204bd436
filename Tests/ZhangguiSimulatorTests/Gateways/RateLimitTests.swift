import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiSimulator

/// Over its rate limit a gateway answers with its own error.
@Suite struct RateLimitTests {
    @Test("TOP: the third call in a second with 2/s and a 30 s ban gets 7 and the seconds left of the ban")
    func topBan() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.taobao)
        fixture.world.setRateLimit(RateLimit(requestsPerSecond: 2, banSeconds: 30), for: .taobao)
        let call = {
            fixture.call(
                .taobao,
                "taobao.trades.sold.increment.get",
                [
                    "fields": .s("tid"), "start_modified": .s("2023-11-15 05:00:00"),
                    "end_modified": .s("2023-11-15 06:00:00"),
                ],
                shop: shop,
                token: grant.accessToken
            )
        }
        #expect(call()["error_response"] == nil)
        #expect(call()["error_response"] == nil)
        let banned = call()
        #expect(banned["error_response", "code"] == .n(7))
        #expect(banned["error_response", "msg"] == .s("App Call Limited"))
        #expect(banned["error_response", "sub_code"] == .s("accesscontrol.limited-by-app-access-count"))
        #expect(banned["error_response", "sub_msg"] == .s("This ban will last for 30 more seconds"))
        fixture.world.advanceClock(seconds: 10)
        #expect(call()["error_response", "sub_msg"] == .s("This ban will last for 20 more seconds"))
        fixture.world.advanceClock(seconds: 20)
        #expect(call()["error_response"] == nil)
    }

    @Test("抖店 answers 60000 over its limit, and serves again in the next second")
    func doudian() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.doudian)
        fixture.world.setRateLimit(RateLimit(requestsPerSecond: 1), for: .doudian)
        let call = {
            fixture.call(.doudian, "order.searchList", ["size": .n(10)], shop: shop, token: grant.accessToken)
        }
        #expect(call()["code"] == .n(10_000))
        #expect(call()["code"] == .n(60_000))
        fixture.world.advanceClock(seconds: 1)
        #expect(call()["code"] == .n(10_000))
    }

    @Test("快手 answers \"Exceed qps limit\" naming the API and the allowed rate")
    func kuaishou() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.kuaishou)
        fixture.world.setRateLimit(RateLimit(requestsPerSecond: 1), for: .kuaishou)
        let business: [String: JSONValue] = [
            "beginTime": .n(SimulatorFixture.epoch - 60_000), "endTime": .n(SimulatorFixture.epoch),
        ]
        let call = { fixture.call(.kuaishou, "open.order.cursor.list", business, shop: shop, token: grant.accessToken) }
        #expect(call()["result"] == .n(1))
        let refused = call()
        #expect(refused["error_msg"] == .s("Exceed qps limit, KEY [apiId:open.order.cursor.list], MAX_QPS [1]"))
    }
}
