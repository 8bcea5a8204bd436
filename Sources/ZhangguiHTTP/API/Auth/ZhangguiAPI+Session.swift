import ZhangguiServices

extension ZhangguiAPI {
    struct SignInBody: JSONBody {
        let email: String
        let password: String
        let totp: String?
        let recoveryCode: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case email, password, totp, recoveryCode }
    }

    struct SessionAnswer: Encodable {
        let csrfToken: String
        let companyID: Int64
        let userID: Int64
        let expiresAt: Int64
    }

    struct RegistrationBody: JSONBody {
        let companyName: String
        let timeZone: String?
        let adminEmail: String
        let adminPassword: String

        enum CodingKeys: String, CodingKey, CaseIterable { case companyName, timeZone, adminEmail, adminPassword }
    }

    struct RegisteredAnswer: Encodable {
        let companyID: Int64
        let adminUserID: Int64
    }

    func addSessionRoutes(to router: inout Router) {
        router.add(.post, "/api/v1/session", summary: "sign in; sets the session cookie, answers the CSRF token") {
            try signIn($0)
        }
        add(&router, .delete, "/api/v1/session", .signedIn, "sign out") { request, _ in
            try signOut(request)
        }
        router.add(.post, "/api/v1/companies", summary: "register a company and its first admin") {
            try register($0)
        }
    }

    /// The client's network address: the connection's peer, or with ``Settings/trustsForwardedFor`` the last
    /// address in `X-Forwarded-For`, the one our proxy appended (earlier ones come from the client and prove
    /// nothing). A value that is not an IPv4 or IPv6 address is ignored.
    func clientAddress(_ request: HTTPRequest) -> String {
        let peer = request.remoteAddress ?? ""
        guard settings.trustsForwardedFor, let header = request.headers["X-Forwarded-For"] else { return peer }
        let last = String(header.split(separator: ",").last ?? "").filter { $0 != " " && $0 != "\t" }
        let isAddress =
            !last.isEmpty && last.count <= 45 && last.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
        return isAddress ? last : peer
    }

    /// `POST /api/v1/session`: signs in with the client's address counted for the failed-sign-in limit.
    func signIn(_ request: HTTPRequest) throws -> HTTPResponse {
        let body = try request.decodeJSON(SignInBody.self)
        let attempt = SignInAttempt(
            email: body.email,
            password: body.password,
            totpCode: body.totp,
            recoveryCode: body.recoveryCode,
            address: clientAddress(request),
            requestID: request.id
        )
        let signedIn = try answeringRefusals { try accounts.signIn(attempt, now: now) }
        let answer = SessionAnswer(
            csrfToken: signedIn.csrfToken,
            companyID: signedIn.companyID,
            userID: signedIn.userID,
            expiresAt: signedIn.expiresAt
        )
        var response = try HTTPResponse.json(answer, status: .created)
        let maxAge = max(signedIn.expiresAt - now, 0)
        response.headers.add(
            "Set-Cookie",
            SessionCookie.setting(signedIn.sessionToken, maxAge: maxAge, isSecure: settings.isBehindTLS)
        )
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    /// `DELETE /api/v1/session`: ends the cookie's session and clears the cookie. An API token has no session to
    /// end, so it is refused.
    func signOut(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let token = SessionCookie.value(in: request.headers),
            SessionCookie.bearerToken(request.headers["Authorization"]) == nil
        else {
            throw HTTPError(
                .badRequest,
                code: .invalidValue,
                message: "only a session signs out; revoke a token instead"
            )
        }
        try answeringRefusals { try accounts.revokeSession(token, now: now, requestID: request.id) }
        var response = HTTPResponse(status: .noContent)
        response.headers.add("Set-Cookie", SessionCookie.clearing(isSecure: settings.isBehindTLS))
        return response
    }

    /// `POST /api/v1/companies`: registers a company; 201 with its id and its admin's.
    func register(_ request: HTTPRequest) throws -> HTTPResponse {
        let body = try request.decodeJSON(RegistrationBody.self)
        let registration = Registration(
            companyName: body.companyName,
            adminEmail: body.adminEmail,
            adminPassword: body.adminPassword,
            timeZone: body.timeZone ?? "Asia/Shanghai"
        )
        let registered: RegisteredCompany
        do {
            registered = try answeringRefusals { try accounts.registerCompany(registration, now: now) }
        } catch let error as SetupError {
            throw HTTPError(.badRequest, code: .invalidValue, message: "\(error)")
        }
        let answer = RegisteredAnswer(companyID: registered.companyID, adminUserID: registered.adminUserID)
        return try .json(answer, status: .created)
    }
}
