import Foundation
import Testing
import ZhangguiHTTP

@Suite("the server answers over loopback, in the one error shape when it refuses")
struct HTTPServerTests {
    private func makeServer(maximumBodyBytes: Int = 1 << 20) throws -> TestServer {
        try TestServer(maximumBodyBytes: maximumBodyBytes) { router in
            router.add(.get, "/api/v1/health") { _ in try .json(["status": "ok"]) }
            router.add(.get, "/api/v1/orders/{id}") { request in text("order \(request.pathParameters["id"] ?? "?")") }
            router.add(.post, "/api/v1/echo") { request in
                let sum = request.body.reduce(0) { ($0 &+ Int($1)) % 1_000_003 }
                return text("\(request.body.count) bytes, sum \(sum)")
            }
        }
    }

    @Test("port 0 picks a free port and health answers 200 with JSON")
    func health() async throws {
        let test = try makeServer()

        let answer = try await send("GET", "/api/v1/health", to: test.server)

        #expect(test.server.port != 0)
        #expect(test.server.url == "http://127.0.0.1:\(test.server.port)")
        #expect(answer.status == 200)
        #expect(answer.text == #"{"status":"ok"}"#)
        #expect(answer.header("Content-Type") == "application/json; charset=utf-8")
    }

    @Test("a path parameter reaches the handler")
    func pathParameter() async throws {
        let test = try makeServer()

        let answer = try await send("GET", "/api/v1/orders/536373", to: test.server)

        #expect(answer.text == "order 536373")
    }

    @Test("an unknown path is 404 in the error shape, without field or row")
    func unknownPath() async throws {
        let test = try makeServer()

        let answer = try await send("GET", "/api/v1/nothing-here", to: test.server)

        #expect(answer.status == 404)
        #expect(answer.text == #"{"error":{"code":"not_found","message":"nothing is at this path"}}"#)
    }

    @Test("a known path with the wrong method is 405 and Allow lists the methods it has")
    func wrongMethod() async throws {
        let test = try makeServer()

        let answer = try await send("DELETE", "/api/v1/health", to: test.server)

        #expect(answer.status == 405)
        #expect(answer.header("Allow") == "GET, HEAD")
        #expect(try answer.error["code"] as? String == "method_not_allowed")
    }

    @Test("a body over the limit is 413 and never reaches the handler; one at the limit does")
    func bodyLimit() async throws {
        let test = try makeServer(maximumBodyBytes: 1024)

        let over = try await send("POST", "/api/v1/echo", to: test.server, body: Data(count: 1025))
        let atLimit = try await send("POST", "/api/v1/echo", to: test.server, body: Data(count: 1024))

        #expect(over.status == 413)
        #expect(
            over.text == #"{"error":{"code":"body_too_large","message":"the body is larger than 1024 bytes"}}"#
        )
        #expect(atLimit.status == 200)
        #expect(atLimit.text == "1024 bytes, sum 0")
    }

    @Test("a body arriving in many chunks is read whole before the handler runs")
    func wholeBody() async throws {
        let test = try makeServer()
        // 300,000 bytes cycling 0…255: 1,171 full cycles of sum 32,640, then 0…223 (sum 24,976).
        let body = Data((0..<300_000).map { UInt8($0 % 256) })

        let answer = try await send("POST", "/api/v1/echo", to: test.server, body: body)

        // 1,171 × 32,640 + 24,976 = 38,246,416; less 38 × 1,000,003 that leaves 246,302.
        #expect(answer.text == "300000 bytes, sum 246302")
    }

    @Test("32 concurrent requests are all answered, each with its own request id")
    func concurrentRequests() async throws {
        let test = try makeServer()

        let answers = try await withThrowingTaskGroup(of: TestAnswer.self) { group in
            for index in 0..<32 {
                group.addTask { try await send("GET", "/api/v1/orders/\(index)", to: test.server) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        #expect(answers.count == 32)
        #expect(answers.allSatisfy { $0.status == 200 })
        #expect(Set(answers.map(\.text)) == Set((0..<32).map { "order \($0)" }))
        #expect(Set(answers.compactMap { $0.header("X-Request-ID") }).count == 32)
    }
}
