import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices

@Suite("HTTP answers that are not the platform's own envelope")
struct HTTPStatusTests {
    static func orderAnswer(status: Int, body: String) throws -> ChannelError? {
        let transport = StubTransport(responses: [OutboundResponse(status: status, body: Array(body.utf8))])
        let channel = PDDChannel(
            credentials: credentials(.pinduoduo),
            transport: transport,
            clock: fixedClock,
            log: .silent
        )
        do {
            _ = try channel.order(platformOrderID: "231115-1")
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "429 waits, 5xx is an outage, a 200 that is not JSON is unreadable, a 404 is refused",
        arguments: [
            (
                429, "{}",
                ChannelError.rateLimited(retryAfterSeconds: 10, message: "pdd.order.information.get: HTTP 429")
            ),
            (503, #"{"error_response":{}}"#, .unavailable(message: "pdd.order.information.get: HTTP 503")),
            (200, "<html>", .malformedResponse(message: "pdd.order.information.get: the answer is not JSON")),
            (404, "not found", .rejected(code: "http-404", message: "pdd.order.information.get: HTTP 404")),
        ]
    )
    func statuses(status: Int, body: String, expected: ChannelError) throws {
        #expect(try Self.orderAnswer(status: status, body: body) == expected)
    }
}
