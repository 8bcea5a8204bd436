import ZhangguiServices

extension WebPages {
    /// `GET /register`: a company's name and its first admin's email and password.
    func registrationForm(
        _ request: HTTPRequest,
        texts: Texts,
        form: FormBody = FormBody([]),
        problem: Message? = nil,
        status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let token = Cookies.value(Cookies.preSessionToken, in: request.headers) ?? Cookies.randomToken()
        let error: HTML = problem.map { "<p class=\"error\">\(texts($0))</p>" } ?? .empty
        let body: HTML = """
            <h1>\(texts(.registerCompany))</h1>
            \(error)
            <form method="post" action="/register" class="stack">
            <input type="hidden" name="csrf" value="\(token)">
            <label>\(texts(.companyName))<input name="company" value="\(form["company"] ?? "")" required></label>
            <label>\(texts(.email))<input type="email" name="email" value="\(form["email"] ?? "")" required></label>
            <label>\(texts(.passwordRule))<input type="password" name="password" minlength="12" required></label>
            <button type="submit" class="primary">\(texts(.registerCompany))</button>
            </form>
            <p><a href="/signin">\(texts(.signIn))</a></p>
            """
        let page = Layout.bare(texts: texts, title: texts(.registerCompany), body: body, back: "/register")
        var response = Responses.page(page, status: status)
        response.headers.add("Set-Cookie", Cookies.setting(Cookies.preSessionToken, token, maxAge: 3600))
        return response
    }

    /// `POST /register`: registers the company through the account service, then signs its admin in.
    func register(_ request: HTTPRequest, texts: Texts) -> HTTPResponse {
        guard let form = preSessionForm(request) else {
            return registrationForm(request, texts: texts, problem: .formExpired, status: .forbidden)
        }
        let registration = Registration(
            companyName: form["company"] ?? "",
            adminEmail: form["email"] ?? "",
            adminPassword: form["password"] ?? "",
            timeZone: "Asia/Shanghai"
        )
        do {
            _ = try accounts.registerCompany(registration, now: now)
        } catch let error as AccountError {
            let (status, message) = Messages.of(error)
            return registrationForm(request, texts: texts, form: form, problem: message, status: status)
        } catch is SetupError {
            return registrationForm(request, texts: texts, form: form, problem: .invalidInput, status: .badRequest)
        } catch {
            request.logger.error("registration failed", ["error.type": String(reflecting: type(of: error))])
            return errorPage(.internalServerError, .internalError, texts: texts, context: nil)
        }
        return signIn(request, texts: texts)
    }
}
