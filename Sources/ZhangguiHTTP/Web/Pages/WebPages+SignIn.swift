import Foundation
import ZhangguiServices

extension WebPages {
    func addSignInRoutes(to router: inout Router) {
        router.add(.get, "/signin", summary: "page") { request in
            signInForm(request, texts: texts(of: request))
        }
        router.add(.post, "/signin", summary: "page") { request in
            signIn(request, texts: texts(of: request))
        }
        router.add(.get, "/register", summary: "page") { request in
            registrationForm(request, texts: texts(of: request))
        }
        router.add(.post, "/register", summary: "page") { request in
            register(request, texts: texts(of: request))
        }
        page(&router, .post, "/signout", .signedIn) { context in
            try signOut(context)
        }
    }

    func texts(of request: HTTPRequest) -> Texts {
        Texts(language: Language(cookie: Cookies.value(Cookies.language, in: request.headers)))
    }

    /// `GET /signin`: email, password and, for accounts with two factors, a code from the app or a recovery code.
    func signInForm(
        _ request: HTTPRequest,
        texts: Texts,
        email: String = "",
        problem: Message? = nil,
        parameters: [String: String] = [:],
        status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let token = Cookies.value(Cookies.preSessionToken, in: request.headers) ?? Cookies.randomToken()
        let error: HTML = problem.map { "<p class=\"error\">\(texts($0, parameters))</p>" } ?? .empty
        let body: HTML = """
            <h1>\(texts(.signIn))</h1>
            \(error)
            <form method="post" action="/signin" class="stack">
            <input type="hidden" name="csrf" value="\(token)">
            <label>\(texts(.email))<input type="email" name="email" value="\(email)" required autofocus></label>
            <label>\(texts(.password))<input type="password" name="password" required></label>
            <label>\(texts(.secondFactorCode))<input name="code" autocomplete="one-time-code"></label>
            <button type="submit" class="primary">\(texts(.signIn))</button>
            </form>
            <p><a href="/register">\(texts(.registerCompany))</a></p>
            """
        var response = Responses.page(Layout.bare(texts: texts, title: texts(.signIn), body: body), status: status)
        response.headers.add("Set-Cookie", Cookies.setting(Cookies.preSessionToken, token, maxAge: 3600))
        return response
    }

    /// `POST /signin`: signs in through the account service with the client's address counted for the limits;
    /// sets the session cookie and the session's form token, and opens the dashboard.
    func signIn(_ request: HTTPRequest, texts: Texts) -> HTTPResponse {
        guard let form = preSessionForm(request) else {
            return signInForm(request, texts: texts, problem: .formExpired, status: .forbidden)
        }
        let email = form["email"] ?? ""
        let code = (form["code"] ?? "").trimmingCharacters(in: .whitespaces)
        let isTOTP = code.count == 6 && code.allSatisfy(\.isASCII) && code.allSatisfy(\.isNumber)
        let attempt = SignInAttempt(
            email: email,
            password: form["password"] ?? "",
            totpCode: isTOTP ? code : nil,
            recoveryCode: !isTOTP && !code.isEmpty ? code : nil,
            address: request.remoteAddress ?? "",
            requestID: request.id
        )
        do {
            let signedIn = try accounts.signIn(attempt, now: now)
            var response = Responses.redirect(to: "/")
            let maxAge = max(signedIn.expiresAt - now, 0)
            let isSecure = api.settings.isBehindTLS
            response.headers.add(
                "Set-Cookie",
                SessionCookie.setting(signedIn.sessionToken, maxAge: maxAge, isSecure: isSecure)
            )
            response.headers.add(
                "Set-Cookie",
                Cookies.setting(Cookies.formToken, signedIn.csrfToken, maxAge: maxAge, isSecure: isSecure)
            )
            return response
        } catch let error as AccountError {
            let (status, message) = Messages.of(error)
            let seconds = ["seconds": String(error.retryAfter ?? 1)]
            return signInForm(
                request,
                texts: texts,
                email: email,
                problem: message,
                parameters: seconds,
                status: status
            )
        } catch {
            request.logger.error("sign-in failed", ["error.type": String(reflecting: type(of: error))])
            return errorPage(.internalServerError, .internalError, texts: texts, context: nil)
        }
    }

    /// `POST /signout`: ends the session and forgets its cookies.
    func signOut(_ context: PageContext) throws -> HTTPResponse {
        if let token = Cookies.value(Cookies.session, in: context.request.headers) {
            try accounts.revokeSession(token, now: now, requestID: context.request.id)
        }
        var response = Responses.redirect(to: "/signin")
        let isSecure = api.settings.isBehindTLS
        response.headers.add("Set-Cookie", SessionCookie.clearing(isSecure: isSecure))
        response.headers.add("Set-Cookie", Cookies.setting(Cookies.formToken, "", maxAge: 0, isSecure: isSecure))
        return response
    }

    /// The posted form of a page used before signing in, when its `csrf` field matches the `zg_form` cookie.
    func preSessionForm(_ request: HTTPRequest) -> FormBody? {
        guard request.headers["Content-Type"]?.hasPrefix("application/x-www-form-urlencoded") ?? false,
            let cookie = Cookies.value(Cookies.preSessionToken, in: request.headers)
        else { return nil }
        let form = FormBody(request.body)
        guard Cookies.isSame(form["csrf"] ?? "", cookie) else { return nil }
        return form
    }
}
