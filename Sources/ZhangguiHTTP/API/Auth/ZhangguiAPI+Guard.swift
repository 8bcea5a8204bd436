import ZhangguiCore
import ZhangguiServices

extension ZhangguiAPI {
    /// A handler that runs for a verified principal.
    typealias SecuredHandler = @Sendable (HTTPRequest, Principal) throws -> HTTPResponse

    /// Adds a route that needs a principal with `access`, answering 401 without a credential and 403 without the
    /// permission before `handler` runs.
    func add(
        _ router: inout Router,
        _ method: HTTPMethod,
        _ pattern: String,
        _ access: RouteAccess,
        _ summary: String,
        query: [String] = [],
        acceptsUpload: Bool = false,
        _ handler: @escaping SecuredHandler
    ) {
        router.add(method, pattern, summary: summary, access: access, query: query, acceptsUpload: acceptsUpload) {
            request in
            let principal = try authenticate(request)
            let logFields = Self.logFields(principal)
            do {
                if case .permission(let permission) = access, !principal.can(permission) {
                    throw HTTPError(
                        .forbidden,
                        code: .forbidden,
                        message: "this needs the permission \(permission.rawValue)"
                    )
                }
                var response = try handler(request, principal)
                response.logFields = logFields
                return response
            } catch {
                throw AttributedError(error, logFields: logFields)
            }
        }
    }

    /// Who made a request, for its log line: the company, the user, and the API token when one was used.
    static func logFields(_ principal: Principal) -> [String: String] {
        var fields = ["company.id": String(principal.companyID), "user.id": String(principal.userID)]
        if let tokenID = principal.tokenID { fields["token.id"] = String(tokenID) }
        return fields
    }

    /// The principal of a request: from `Authorization: Bearer zg_…`, or else from the `zg_session` cookie, which on
    /// a write (POST, PUT, PATCH, DELETE) must come with the session's `X-CSRF-Token`.
    /// - Throws: ``HTTPError`` 401 without a valid credential, 403 when the CSRF token is absent or wrong.
    func authenticate(_ request: HTTPRequest) throws -> Principal {
        if let token = SessionCookie.bearerToken(request.headers["Authorization"]) {
            return try answeringRefusals { try accounts.verifyAPIToken(token, now: now, requestID: request.id) }
        }
        guard let session = SessionCookie.value(in: request.headers) else { throw HTTPError.unauthenticated }
        let csrf: String?
        if request.method.isWrite {
            guard let header = request.headers["X-CSRF-Token"], !header.isEmpty else {
                throw HTTPError(.forbidden, code: .csrfMismatch, message: "a write needs the X-CSRF-Token header")
            }
            csrf = header
        } else {
            csrf = nil
        }
        return try answeringRefusals {
            try accounts.validateSession(session, now: now, csrfToken: csrf, requestID: request.id)
        }
    }

    /// Runs an account or order operation, turning its refusals into answers (docs/SERVER.md, error codes).
    func answeringRefusals<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as AccountError {
            throw HTTPError(error)
        } catch let error as OrderActionError {
            throw HTTPError(error)
        }
    }
}

extension HTTPMethod {
    /// Whether the method changes state, so a cookie request needs its CSRF token.
    var isWrite: Bool {
        switch self {
        case .get, .head: false
        default: true
        }
    }
}
