import CMicroHTTPD
import Foundation
import Synchronization

/// What libmicrohttpd's callbacks reach through their context pointer: the router, the limits, the logger and the
/// count of requests in flight. Shared by every server thread, so everything in it is immutable or synchronised.
final class ServerContext: Sendable {
    let router: Router
    let maximumBodyBytes: Int
    let logger: Logger
    let inFlight = InFlightRequests()
    /// Set when a graceful stop begins: answers then carry `Connection: close`.
    let isStopping = Atomic<Bool>(false)

    init(router: Router, maximumBodyBytes: Int, logger: Logger) {
        self.router = router
        self.maximumBodyBytes = maximumBodyBytes
        self.logger = logger
    }

    /// The last call for a request: builds it, asks the router, queues the answer and logs one line.
    func answer(_ pending: PendingRequest, connection: OpaquePointer, method: String, path: String) -> MHD_Result {
        let values = ConnectionValues(connection: connection)
        let headers = values.headers
        let request = HTTPRequest(
            method: HTTPMethod(rawValue: method),
            path: path,
            query: values.query,
            headers: headers,
            body: pending.body,
            remoteAddress: values.remoteAddress,
            id: RequestID.make(incoming: headers[RequestID.header]),
            logger: logger
        )
        var (response, route) = respond(to: request, isTooLarge: pending.isTooLarge)
        response.headers.set(RequestID.header, request.id)
        if isStopping.load(ordering: .relaxed) { response.headers.set("Connection", "close") }
        let queued = ResponseWriter.queue(response, on: connection)
        log(request, route: route, status: response.status, who: response.logFields, since: pending.startedAt)
        return queued
    }

    private func respond(to request: HTTPRequest, isTooLarge: Bool) -> (response: HTTPResponse, route: String?) {
        guard isTooLarge else { return router.respond(to: request) }
        return (HTTPError.bodyTooLarge(limit: maximumBodyBytes).response, router.pattern(matching: request.path))
    }

    /// One line per request, with the route's pattern rather than the path: paths and query strings can carry
    /// personal data, patterns cannot. Bodies and header values are never logged.
    private func log(
        _ request: HTTPRequest,
        route: String?,
        status: HTTPStatus,
        who: [String: String],
        since start: ContinuousClock.Instant
    ) {
        let elapsed = ContinuousClock.now - start
        let milliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        request.logger.info(
            "request",
            [
                "company.id": who["company.id"] ?? "-",
                "user.id": who["user.id"] ?? "-",
                "token.id": who["token.id"] ?? "-",
                "http.method": request.method.rawValue,
                "http.route": route ?? "-",
                "http.status": String(status.code),
                "duration_ms": String(format: "%.3f", milliseconds),
            ]
        )
    }
}
