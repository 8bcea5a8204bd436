import Foundation
import Testing
import ZhangguiHTTP

@Suite("every answer carries a request id, and the log line of the request has the same one")
struct RequestIDTests {
    private func makeServer() throws -> TestServer {
        try TestServer { router in
            router.add(.get, "/api/v1/orders/{id}") { _ in text("ok") }
        }
    }

    @Test("a fresh id is 16 hexadecimal digits")
    func freshID() async throws {
        let test = try makeServer()

        let answer = try await send("GET", "/api/v1/orders/1", to: test.server)

        let id = try #require(answer.header("X-Request-ID"))
        #expect(id.count == 16)
        #expect(id.allSatisfy { $0.isHexDigit })
    }

    @Test("a well-formed incoming X-Request-ID is echoed")
    func echoedID() async throws {
        let test = try makeServer()

        let answer = try await send(
            "GET",
            "/api/v1/orders/1",
            to: test.server,
            headers: ["X-Request-ID": "proxy-7f3a.2"]
        )

        #expect(answer.header("X-Request-ID") == "proxy-7f3a.2")
    }

    @Test("a malformed incoming id is replaced", arguments: ["two words", String(repeating: "a", count: 65), "é"])
    func replacedID(incoming: String) async throws {
        let test = try makeServer()

        let answer = try await send("GET", "/api/v1/orders/1", to: test.server, headers: ["X-Request-ID": incoming])

        let id = try #require(answer.header("X-Request-ID"))
        #expect(id != incoming)
        #expect(id.count == 16)
    }

    @Test("the request line names id, method, route pattern, status and duration, but no query or header value")
    func requestLine() async throws {
        let test = try makeServer()

        _ = try await send(
            "GET",
            "/api/v1/orders/536373?token=s3cret",
            to: test.server,
            headers: ["X-Request-ID": "trace-1", "Authorization": "Bearer hunter2", "Cookie": "session=abc"]
        )

        let line = try #require(test.requestLines.first)
        #expect(test.requestLines.count == 1)
        #expect(
            line.contains(
                " level=info msg=request request.id=trace-1 company.id=- user.id=- token.id=- http.method=GET "
            )
        )
        #expect(line.contains(" http.route=/api/v1/orders/{id} http.status=200 duration_ms="))
        for secret in ["536373", "s3cret", "hunter2", "session"] { #expect(!line.contains(secret)) }
    }
}
