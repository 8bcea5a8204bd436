import Synchronization
import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices

@Suite("Receivers and tokens never reach an error or a log line")
struct PersonalDataTests {
    /// A log that keeps every line it is given.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])

        var log: ChannelLog {
            ChannelLog { level, message, metadata in
                let line = "\(level) \(message) " + metadata.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
                self.lines.withLock { $0.append(line) }
            }
        }
    }

    static let secrets = ["access-token-1", "refresh-token-1", "app-secret-1", "赵示例", "13800138000", "示例路"]

    @Test("an unreadable amount names the field, not the order's receiver or the value")
    func malformedFieldKeepsDataOut() {
        let trade =
            #"{"trade_fullinfo_get_response":{"trade":{"tid":1,"status":"WAIT_SELLER_SEND_GOODS","#
            + #""created":"2023-11-15 06:00:00","payment":"13800138000元x","receiver_name":"赵示例","#
            + #""receiver_mobile":"13800138000","receiver_address":"示例路100"}}}"#
        let lines = Lines()
        let channel = TOPChannel(
            credentials: credentials(.taobao),
            transport: StubTransport(trade),
            clock: fixedClock,
            log: lines.log
        )
        #expect(throws: ChannelError.malformedResponse(message: "trade.payment is not an amount in yuan")) {
            try channel.order(platformOrderID: "1")
        }
        #expect(lines.lines.withLock { $0 }.isEmpty)
    }

    @Test("an expired grant logs the platform and code only; the message has the token blanked out")
    func expiredGrantLogsNoSecrets() {
        let answer =
            #"{"error_response":{"code":27,"msg":"Invalid session access-token-1","#
            + #""sub_msg":"app-secret-1 refresh-token-1"}}"#
        let lines = Lines()
        let channel = TOPChannel(
            credentials: credentials(.taobao),
            transport: StubTransport(answer),
            clock: fixedClock,
            log: lines.log
        )
        do {
            _ = try channel.order(platformOrderID: "1")
            Issue.record("expected an expired grant")
        } catch {
            #expect(error == .authorizationExpired(code: "27", message: "Invalid session ***: *** ***"))
        }
        let logged = lines.lines.withLock { $0 }
        #expect(logged == ["warning channel.authorization_expired platform=taobao error.code=27"])
    }

    @Test("a transport failure logs the platform, operation and failure kind only")
    func transportFailureLogsNoSecrets() throws {
        let lines = Lines()
        let channel = PDDChannel(
            credentials: credentials(.pinduoduo, endpoint: "http://gateway.test/api/router"),
            transport: CurlTransport(),
            clock: fixedClock,
            log: lines.log
        )
        #expect(throws: ChannelError.self) { try channel.order(platformOrderID: "231115-1") }
        let logged = lines.lines.withLock { $0 }.joined(separator: "\n")
        #expect(logged.contains("platform=pinduoduo"))
        for secret in Self.secrets { #expect(!logged.contains(secret)) }
    }
}
