import CMicroHTTPD
import Foundation
import Synchronization

/// What libmicrohttpd's callbacks reach through their context pointer: the router, the limits, the logger and the
/// count of requests in flight. Shared by every server thread, so everything in it is immutable or synchronised.
final class ServerContext: Sendable {
    let router: Router
    let maximumBodyBytes: Int
    let maximumUploadBytes: Int
    let logger: Logger
    let inFlight = InFlightRequests()
    /// Set when a graceful stop begins: answers then carry `Connection: close`.
    let isStopping = Atomic<Bool>(false)

    init(router: Router, maximumBodyBytes: Int, maximumUploadBytes: Int, logger: Logger) {
        self.router = router
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumUploadBytes = maximumUploadBytes
        self.logger = logger
    }

    /// How many body bytes the request for `path` may send: the upload limit for a route taking uploads.
    func bodyLimit(method: String, path: String) -> Int {
        router.acceptsUpload(HTTPMethod(rawValue: method), path) ? maximumUploadBytes : maximumBodyBytes
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
        var (response, route) = respond(to: request, tooLargeFor: pending.isTooLarge ? pending.limit : nil)
        response.headers.set(RequestID.header, request.id)
        if isStopping.load(ordering: .relaxed) { response.headers.set("Connection", "close") }
        let queued = ResponseWriter.queue(response, on: connection)
        log(request, route: route, status: response.status, who: response.logFields, since: pending.startedAt)
        return queued
    }

    /// The router's answer, or 413 when the body passed `limit` bytes.
    private func respond(to request: HTTPRequest, tooLargeFor limit: Int?) -> (response: HTTPResponse, route: String?) {
        guard let limit else { return router.respond(to: request) }
        let refusal = router.refusal(HTTPError.bodyTooLarge(limit: limit), to: request)
        return (refusal, router.pattern(matching: request.path))
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
