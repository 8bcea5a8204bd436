import Testing
import ZhangguiChannels
import ZhangguiHTTP

@Suite("HTTPS transport on libcurl")
struct CurlTransportTests {
    /// A loopback server that echoes the method, content type and body of what it receives.
    static func echoServer() throws -> HTTPServer {
        var router = Router()
        let echo: Router.Handler = { request in
            let summary =
                "\(request.method.rawValue) \(request.headers["Content-Type"] ?? "-") "
                + String(decoding: request.body, as: UTF8.self) + " q="
                + request.query.map(\.name).joined(separator: ",")
            return HTTPResponse(status: .ok, body: Array(summary.utf8))
        }
        router.add(.post, "/echo", handler: echo)
        router.add(.get, "/echo", handler: echo)
        return try HTTPServer(
            configuration: HTTPServer.Configuration(port: 0, logger: Logger(sink: MemoryLogSink())),
            router: router
        )
    }

    @Test("a form POST and a GET reach a loopback server and come back")
    func roundTrip() throws {
        let server = try Self.echoServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let transport = CurlTransport(connectTimeoutMillis: 2000, totalTimeoutMillis: 5000)
        let url = "http://127.0.0.1:\(server.port)/echo"
        let posted = try transport.send(.postForm(url, parameters: [("a", "1 2"), ("b", "示例")]))
        #expect(posted.status == 200)
        #expect(posted.text == "POST application/x-www-form-urlencoded;charset=utf-8 a=1%202&b=%E7%A4%BA%E4%BE%8B q=")
        let fetched = try transport.send(.get(url, parameters: [("x", "1"), ("y", "2")]))
        #expect(fetched.text == "GET -  q=x,y")
    }

    @Test("plain http to another host is refused before any traffic")
    func refusesInsecureEndpoint() {
        #expect(
            throws: TransportError(code: .insecureEndpoint, detail: "gw.api.taobao.com must be called over https://")
        ) {
            try CurlTransport().send(.get("http://gw.api.taobao.com/router/rest", parameters: []))
        }
    }

    @Test("a closed port is a connection failure naming only the host")
    func closedPort() throws {
        let server = try Self.echoServer()
        let port = server.port
        server.stop(gracePeriod: .seconds(1))
        do {
            _ = try CurlTransport(connectTimeoutMillis: 1000).send(
                .get("http://127.0.0.1:\(port)/echo?token=secret", parameters: [])
            )
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == .connectionFailed)
            #expect(!error.description.contains("secret"))
        }
    }
}
