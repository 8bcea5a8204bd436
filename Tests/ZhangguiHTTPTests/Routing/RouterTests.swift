import Testing
import ZhangguiHTTP

@Suite("the router picks a route by method and path pattern, without a server")
struct RouterTests {
    private var router: Router {
        var router = Router()
        router.add(.get, "/api/v1/orders", summary: "list orders") { _ in text("list") }
        router.add(.post, "/api/v1/orders", summary: "add an order") { _ in text("add") }
        router.add(.get, "/api/v1/orders/{id}") { request in text("order \(request.pathParameters["id"]!)") }
        router.add(.get, "/api/v1/orders/summary") { _ in text("summary") }
        router.add(.post, "/api/v1/orders/{id}/lines/{line}") { request in
            text("\(request.pathParameters["id"]!)/\(request.pathParameters["line"]!)")
        }
        router.add(.get, "/api/v1/broken") { _ in throw CancellationError() }
        return router
    }

    private func answer(_ method: HTTPMethod, _ path: String, log: MemoryLogSink = MemoryLogSink())
        -> (status: Int, body: String, route: String?, allow: String?)
    {
        let request = HTTPRequest(method: method, path: path, id: "r1", logger: Logger(sink: log))
        let (response, route) = router.respond(to: request)
        return (response.status.code, String(decoding: response.body, as: UTF8.self), route, response.headers["allow"])
    }

    @Test(
        "each path reaches its handler and is logged by its pattern",
        arguments: [
            (HTTPMethod.get, "/api/v1/orders", "list", "/api/v1/orders"),
            (.post, "/api/v1/orders", "add", "/api/v1/orders"),
            (.get, "/api/v1/orders/42", "order 42", "/api/v1/orders/{id}"),
            (.get, "/api/v1/orders/summary", "summary", "/api/v1/orders/summary"),
            (.post, "/api/v1/orders/42/lines/3", "42/3", "/api/v1/orders/{id}/lines/{line}"),
            (.head, "/api/v1/orders/7", "order 7", "/api/v1/orders/{id}"),
        ]
    )
    func routes(method: HTTPMethod, path: String, body: String, route: String) {
        let result = answer(method, path)

        #expect(result.status == 200)
        #expect(result.body == body)
        #expect(result.route == route)
    }

    @Test(
        "a path no route has is 404",
        arguments: ["/api/v1/order", "/api/v1/orders/", "/api/v1/orders/42/lines", "/", ""]
    )
    func notFound(path: String) {
        let result = answer(.get, path)

        #expect(result.status == 404)
        #expect(result.route == nil)
    }

    @Test("a wrong method is 405 with Allow naming every method the path has")
    func methodNotAllowed() {
        let list = answer(.delete, "/api/v1/orders")
        let summary = answer(.post, "/api/v1/orders/summary")

        #expect(list.status == 405)
        #expect(list.allow == "GET, POST, HEAD")
        #expect(list.route == "/api/v1/orders")
        // /orders/summary is also /orders/{id}: both are GET.
        #expect(summary.allow == "GET, HEAD")
        #expect(
            summary.body == #"{"error":{"code":"method_not_allowed","message":"this path answers GET, HEAD only"}}"#
        )
    }

    @Test("a handler's unexpected error is a 500 that says nothing of the error; the log names its type")
    func unexpectedError() {
        let log = MemoryLogSink()

        let result = answer(.get, "/api/v1/broken", log: log)

        #expect(result.status == 500)
        #expect(result.body.contains(#""code":"internal_error""#))
        #expect(!result.body.contains("Cancellation"))
        #expect(log.lines.count == 1)
        #expect(
            log.lines.first?.hasSuffix(
                #" level=error msg="handler failed" request.id=r1 http.route=/api/v1/broken "#
                    + "error.type=Swift.CancellationError"
            ) == true
        )
    }

    @Test("the routes are listed in the order added, for the API description")
    func listing() {
        let listed = router.routes.map { "\($0.method) \($0.pattern)" }

        #expect(
            listed == [
                "GET /api/v1/orders", "POST /api/v1/orders", "GET /api/v1/orders/{id}", "GET /api/v1/orders/summary",
                "POST /api/v1/orders/{id}/lines/{line}", "GET /api/v1/broken",
            ]
        )
        #expect(router.routes[0].summary == "list orders")
        #expect(router.routes[4].pattern.parameterNames == ["id", "line"])
    }
}
