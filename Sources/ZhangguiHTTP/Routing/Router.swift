/// Finds the handler for a request by method and path pattern, and answers 404 or 405 in the error shape when
/// there is none.
///
/// Build it once before the server starts; it is a value, so the server's threads share it without locks.
/// Handlers run on the server's threads and must be synchronous.
public struct Router: Sendable {
    public typealias Handler = @Sendable (HTTPRequest) throws -> HTTPResponse

    /// One method and pattern, with a one-line summary for the API's description.
    public struct Route: Sendable {
        public let method: HTTPMethod
        public let pattern: RoutePattern
        public let summary: String
        /// Who may call the route: anyone, any signed-in principal, or one holding a permission.
        public let access: RouteAccess
        /// The query parameters the route reads, for the API's description.
        public let queryParameters: [String]
        /// A file upload: its body may be as large as the server's upload limit rather than its usual one.
        public let acceptsUpload: Bool
        let handler: Handler
    }

    /// The answer to a path no route has, when it gives one; otherwise the JSON 404. The web pages answer a page.
    public var fallback: (@Sendable (HTTPRequest) -> HTTPResponse?)?

    /// Every route, in the order added.
    public private(set) var routes: [Route] = []

    /// The answer to a refusal made before routing (a body too large) when the path is one of the web pages, or
    /// nil for the JSON error: a browser that posted a form shows a page, a program reads JSON.
    public var refusalPage: (@Sendable (HTTPRequest, HTTPError) -> HTTPResponse?)?

    /// Turns an error a handler threw that is not an ``HTTPError`` into one, or nil to answer 500: how the layer
    /// that builds the routes answers its own lower layers' failures (such as a database busy with other writers).
    public var translateError: (@Sendable (any Error) -> HTTPError?)?

    public init() {}

    /// Adds a route. Adding the same method and pattern twice is a programming error and traps.
    public mutating func add(
        _ method: HTTPMethod,
        _ pattern: String,
        summary: String = "",
        access: RouteAccess = .open,
        query queryParameters: [String] = [],
        acceptsUpload: Bool = false,
        handler: @escaping Handler
    ) {
        let route = Route(
            method: method,
            pattern: RoutePattern(pattern),
            summary: summary,
            access: access,
            queryParameters: queryParameters,
            acceptsUpload: acceptsUpload,
            handler: handler
        )
        precondition(
            !routes.contains { $0.method == method && $0.pattern == route.pattern },
            "route added twice: \(method) \(pattern)"
        )
        routes.append(route)
    }

    /// The answer to `request`, and the pattern of the route that matched its path (nil when none did).
    ///
    /// A thrown ``HTTPError`` becomes its own answer; any other error becomes 500 and is logged with its type only,
    /// since its description may hold data.
    public func respond(to request: HTTPRequest) -> (response: HTTPResponse, route: String?) {
        switch resolve(request.method, request.path) {
        case .notFound:
            return (fallback?(request) ?? HTTPError.notFound.response, nil)
        case .methodNotAllowed(let pattern, let allowed):
            return (HTTPError.methodNotAllowed(allowed: allowed).response, pattern.description)
        case .found(let route, let parameters):
            var request = request
            request.pathParameters = parameters
            return (run(route, request), route.pattern.description)
        }
    }

    /// The pattern of the route whose path matches, whatever its method: for logging requests refused before
    /// routing, such as a body too large.
    public func pattern(matching path: String) -> String? {
        bestMatch(path, among: routes)?.route.pattern.description
    }

    /// Whether the route `method` and `path` reach takes file uploads (see ``Route/acceptsUpload``).
    public func acceptsUpload(_ method: HTTPMethod, _ path: String) -> Bool {
        guard case .found(let route, _) = resolve(method, path) else { return false }
        return route.acceptsUpload
    }

    /// The answer to a request refused before routing: the web pages' page when they give one, else `error` as JSON.
    public func refusal(_ error: HTTPError, to request: HTTPRequest) -> HTTPResponse {
        refusalPage?(request, error) ?? error.response
    }

    enum Resolution {
        case found(Route, [String: String])
        case methodNotAllowed(RoutePattern, allowed: [HTTPMethod])
        case notFound
    }

    /// `HEAD` is answered by the `GET` route, without the body.
    func resolve(_ method: HTTPMethod, _ path: String) -> Resolution {
        let lookup = method == .head ? .get : method
        if let (route, parameters) = bestMatch(path, among: routes.filter { $0.method == lookup }) {
            return .found(route, parameters)
        }
        guard let (other, _) = bestMatch(path, among: routes) else { return .notFound }
        var allowed: [HTTPMethod] = []
        for route in routes where route.pattern.match(path) != nil && !allowed.contains(route.method) {
            allowed.append(route.method)
        }
        if allowed.contains(.get), !allowed.contains(.head) { allowed.append(.head) }
        return .methodNotAllowed(other.pattern, allowed: allowed)
    }

    private func bestMatch(_ path: String, among candidates: [Route]) -> (route: Route, parameters: [String: String])? {
        var best: (route: Route, parameters: [String: String])?
        for route in candidates {
            guard let parameters = route.pattern.match(path) else { continue }
            if best == nil || route.pattern.literalCount > best!.route.pattern.literalCount {
                best = (route, parameters)
            }
        }
        return best
    }

    private func run(_ route: Route, _ request: HTTPRequest) -> HTTPResponse {
        do {
            return try route.handler(request)
        } catch let attributed as AttributedError {
            var response = answer(attributed.underlying, route, request)
            response.logFields = attributed.logFields
            return response
        } catch {
            return answer(error, route, request)
        }
    }

    /// The answer to a handler's error: an ``HTTPError`` as itself, another error as `translateError` makes it, or
    /// else 500 with the error's type in the log (never its message, which may hold data).
    private func answer(_ error: any Error, _ route: Route, _ request: HTTPRequest) -> HTTPResponse {
        if let error = error as? HTTPError { return error.response }
        if let translated = translateError?(error) {
            request.logger.warning(
                "handler refused",
                ["http.route": route.pattern.description, "error.code": translated.code.rawValue]
            )
            return translated.response
        }
        request.logger.error(
            "handler failed",
            ["http.route": route.pattern.description, "error.type": String(reflecting: type(of: error))]
        )
        return HTTPError.internalError.response
    }
}

/// A handler's error with what the request log line should say about who made the request (company, user), for
/// requests that fail after the principal is known.
public struct AttributedError: Error {
    public let underlying: any Error
    public let logFields: [String: String]

    public init(_ underlying: any Error, logFields: [String: String]) {
        self.underlying = underlying
        self.logFields = logFields
    }
}
