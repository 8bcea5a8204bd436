import Foundation
import ZhangguiHTTP

/// A server on a free loopback port with its log kept in memory.
struct TestServer {
    let server: HTTPServer
    let log: MemoryLogSink

    init(maximumBodyBytes: Int = 1 << 20, routes: (inout Router) -> Void) throws {
        var router = Router()
        routes(&router)
        let log = MemoryLogSink()
        server = try HTTPServer(
            configuration: HTTPServer.Configuration(
                port: 0,
                maximumBodyBytes: maximumBodyBytes,
                logger: Logger(sink: log)
            ),
            router: router
        )
        self.log = log
    }

    /// The log lines with `msg=request`.
    var requestLines: [String] {
        log.lines.filter { $0.contains(" msg=request ") }
    }
}

/// A plain-text answer.
func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
    HTTPResponse(status: status, headers: ["Content-Type": "text/plain"], body: Array(text.utf8))
}
