import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices

@Suite("Channel factory")
struct PlatformChannelFactoryTests {
    static let factory = PlatformChannelFactory(transport: StubTransport("{}"), clock: fixedClock, log: .silent)

    @Test("each platform gets its own client", arguments: Platform.allCases)
    func buildsEachPlatform(platform: Platform) throws {
        let channel = try Self.factory.channel(for: credentials(platform))
        #expect(channel.platform == platform)
        #expect(channel.maximumWindowMillis > 0)
    }

    @Test("the simulator on 127.0.0.1 may be spoken to over plain http")
    func allowsLoopback() throws {
        _ = try Self.factory.channel(for: credentials(.taobao, endpoint: "http://127.0.0.1:9000/router/rest"))
    }

    @Test(
        "credentials no request could succeed with are refused, naming the field",
        arguments: [
            (credentials(.taobao, endpoint: "http://eco.taobao.com/router/rest"), "endpoint"),
            (credentials(.jd, endpoint: "ftp://example.test"), "endpoint"),
            (
                ShopCredentials(
                    platform: .pinduoduo,
                    appKey: "",
                    appSecret: "s",
                    authorization: .init(accessToken: "t", accessExpiresAtMillis: 0),
                    endpoint: "https://x.test"
                ), "app key"
            ),
            (
                ShopCredentials(
                    platform: .kuaishou,
                    appKey: "k",
                    appSecret: "s",
                    authorization: .init(accessToken: "t", accessExpiresAtMillis: 0),
                    endpoint: "https://x.test"
                ), "sign secret"
            ),
        ]
    )
    func refusesBadCredentials(credentials: ShopCredentials, field: String) {
        do {
            _ = try Self.factory.channel(for: credentials)
            Issue.record("expected a refusal")
        } catch {
            guard case .rejected(let code, let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(code == "bad-credentials")
            #expect(message.contains(field))
        }
    }
}
