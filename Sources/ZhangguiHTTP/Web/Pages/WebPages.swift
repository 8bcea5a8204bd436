import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// The web pages under `/`, served next to the JSON API by the same server and calling the same services: sign-in
/// with two factors, registration, the dashboard and the order desk. Pages hold no business rules.
struct WebPages: Sendable {
    let api: ZhangguiAPI

    var database: any Database { api.database }
    var accounts: AccountService { api.accounts }
    var now: Int64 { api.now }

    /// A page handler, run for a signed-in user allowed to see it.
    typealias PageHandler = @Sendable (PageContext) throws -> HTTPResponse

    /// Every page route.
    func addRoutes(to router: inout Router) {
        router.add(.get, "/static/style.css", summary: "the stylesheet of the pages") { _ in
            Stylesheet.response
        }
        router.add(.get, "/language", summary: "switch the pages' language") { request in
            switchLanguage(request)
        }
        addSignInRoutes(to: &router)
        addAccountRoutes(to: &router)
        page(&router, .get, "/", .signedIn) { try dashboard($0) }
        addOrderDeskRoutes(to: &router)
        addWarehouseRoutes(to: &router)
        addAdminRoutes(to: &router)
        addShopRoutes(to: &router)
        addOrderChangeRoutes(to: &router)
        router.fallback = { notFound($0) }
        router.refusalPage = { refusalPage($0, $1) }
    }

    /// Adds a page that needs a session with `access`. Without a session it sends the browser to the sign-in page;
    /// a form post without the session's form token, or a user without the permission, gets a 403 page.
    func page(
        _ router: inout Router,
        _ method: HTTPMethod,
        _ pattern: String,
        _ access: RouteAccess,
        acceptsUpload: Bool = false,
        _ handler: @escaping PageHandler
    ) {
        router.add(method, pattern, summary: "page", access: access, acceptsUpload: acceptsUpload) { request in
            let texts = Texts(language: Language(cookie: Cookies.value(Cookies.language, in: request.headers)))
            do {
                let context = try signedInContext(request, texts: texts)
                if case .permission(let permission) = access, !context.principal.can(permission) {
                    return errorPage(.forbidden, .forbidden, texts: context.texts, context: context)
                }
                return try answering(texts: context.texts, context: context) { try handler(context) }
            } catch let refusal as PageRefusal {
                return refusal.response(pages: self, texts: texts)
            } catch {
                return failed(error, request, texts: texts, context: nil)
            }
        }
    }

    /// Why a request did not reach its page.
    enum PageRefusal: Error {
        case signInFirst
        case formTokenMismatch
        case badForm

        func response(pages: WebPages, texts: Texts) -> HTTPResponse {
            switch self {
            case .signInFirst: return Responses.redirect(to: "/signin")
            case .formTokenMismatch: return pages.errorPage(.forbidden, .formExpired, texts: texts, context: nil)
            case .badForm: return pages.errorPage(.badRequest, .badForm, texts: texts, context: nil)
            }
        }
    }

    /// The signed-in user of a request. A form post must carry the session's form token in its `csrf` field; a page
    /// read needs the `zg_csrf` cookie to be that token, so its forms will work: a session opened through the JSON
    /// API, which sets no such cookie, is sent to sign in on the page.
    private func signedInContext(_ request: HTTPRequest, texts: Texts) throws -> PageContext {
        guard let session = Cookies.value(Cookies.session, in: request.headers) else { throw PageRefusal.signInFirst }
        var form = FormBody([])
        var csrf = Cookies.value(Cookies.formToken, in: request.headers)
        if !request.method.isWrite, csrf == nil { throw PageRefusal.signInFirst }
        var files: [MultipartBody.File] = []
        if request.method.isWrite {
            if let boundary = MultipartBody.boundary(ofContentType: request.headers["Content-Type"]) {
                guard let multipart = MultipartBody(request.body, boundary: boundary) else { throw PageRefusal.badForm }
                form = FormBody(fields: multipart.fields)
                files = multipart.files
            } else {
                guard request.headers["Content-Type"]?.hasPrefix("application/x-www-form-urlencoded") ?? false else {
                    throw PageRefusal.badForm
                }
                form = FormBody(request.body)
            }
            guard let token = form["csrf"], !token.isEmpty else { throw PageRefusal.formTokenMismatch }
            csrf = token
        }
        let principal: Principal
        do {
            principal = try accounts.validateSession(session, now: now, csrfToken: csrf, requestID: request.id)
        } catch let error as AccountError where error.code == .csrfMismatch {
            throw request.method.isWrite ? PageRefusal.formTokenMismatch : PageRefusal.signInFirst
        } catch is AccountError {
            throw PageRefusal.signInFirst
        }
        let header = try database.read { connection in
            (
                try CompanyRecords(connection).company(principal.companyID),
                try UserRecords(connection).user(id: principal.userID, companyID: principal.companyID),
                try UserRecords(connection).language(userID: principal.userID, companyID: principal.companyID)
            )
        }
        return PageContext(
            request: request,
            principal: principal,
            texts: header.2.map { Texts(language: Language(cookie: $0)) } ?? texts,
            formToken: Cookies.value(Cookies.formToken, in: request.headers) ?? "",
            form: form,
            files: files,
            companyName: header.0?.name ?? "",
            timeZone: header.0?.timeZone ?? "Asia/Shanghai",
            userEmail: header.1?.email ?? "",
            isTOTPEnabled: header.1?.isTOTPEnabled ?? false
        )
    }

    /// Runs a page, turning refusals of the services into pages with their message from the catalogue.
    func answering(texts: Texts, context: PageContext?, _ body: () throws -> HTTPResponse) throws -> HTTPResponse {
        do {
            return try body()
        } catch let problem as PageProblem {
            return errorPage(problem.status, problem.message, problem.parameters, texts: texts, context: context)
        } catch let error as HTTPError {
            let message: Message = error.status == .notFound ? .notFound : .badRequest
            return errorPage(error.status, message, texts: texts, context: context)
        } catch let error as AccountError {
            let (status, message) = Messages.of(error)
            return errorPage(status, message, texts: texts, context: context)
        } catch let error as OrderActionError {
            let (status, message) = Messages.of(error)
            return errorPage(status, message, texts: texts, context: context)
        } catch let error as OrderChangeError {
            let (status, message, parameters) = Messages.of(error)
            return errorPage(status, message, parameters, texts: texts, context: context)
        } catch {
            return failed(error, context?.request, texts: texts, context: context)
        }
    }

    /// The page for an error no one expected: logged with its type only (its description may hold data), 500.
    func failed(_ error: any Error, _ request: HTTPRequest?, texts: Texts, context: PageContext?) -> HTTPResponse {
        request?.logger.error("page failed", ["error.type": String(reflecting: type(of: error))])
        return errorPage(.internalServerError, .internalError, texts: texts, context: context)
    }

    /// The answer to a path no route has: the JSON error under `/api/`, a page elsewhere.
    func notFound(_ request: HTTPRequest) -> HTTPResponse? {
        guard !request.path.hasPrefix("/api/") else { return nil }
        return errorPage(.notFound, .notFound, texts: texts(of: request), context: nil)
    }

    /// A refusal made before routing, said on a page in the user's language; nil under `/api/`, which answers JSON.
    func refusalPage(_ request: HTTPRequest, _ error: HTTPError) -> HTTPResponse? {
        guard !request.path.hasPrefix("/api/") else { return nil }
        let message: Message = error.code == .bodyTooLarge ? .bodyTooLarge : .badForm
        return errorPage(error.status, message, texts: texts(of: request), context: nil)
    }

    /// A page saying what went wrong, with the status that says it to programs.
    func errorPage(
        _ status: HTTPStatus,
        _ message: Message,
        _ parameters: [String: String] = [:],
        texts: Texts,
        context: PageContext?
    ) -> HTTPResponse {
        let body: HTML = """
            <h1>\(texts(.problem))</h1>
            <p class="error">\(texts(message, parameters))</p>
            <p><a href="/">\(texts(.backToDashboard))</a></p>
            """
        let title = texts(.problem)
        if let context {
            return Responses.page(Layout(context: context).render(title: title, body: body), status: status)
        }
        return Responses.page(Layout.bare(texts: texts, title: title, body: body), status: status)
    }

    /// `GET /language?to=en&back=/orders`: stores the choice in a cookie and goes back to a page of this site.
    func switchLanguage(_ request: HTTPRequest) -> HTTPResponse {
        let language = Language(cookie: request.queryValue("to"))
        var response = Responses.redirect(to: Responses.localPath(request.queryValue("back")))
        response.headers.add("Set-Cookie", Cookies.setting(Cookies.language, language.rawValue, maxAge: 31_536_000))
        return response
    }
}

/// What a page knows about its request and its user.
struct PageContext: Sendable {
    let request: HTTPRequest
    let principal: Principal
    let texts: Texts
    /// The session's token for forms, put in every form's `csrf` field.
    let formToken: String
    /// The posted form; empty for a GET.
    let form: FormBody
    /// The files of a posted `multipart/form-data` form.
    let files: [MultipartBody.File]
    let companyName: String
    /// The company's time zone, in which times are shown.
    let timeZone: String
    let userEmail: String
    let isTOTPEnabled: Bool

    func can(_ permission: Permission) -> Bool { principal.can(permission) }

    /// The hidden field that proves a form came from this session's pages.
    var csrfField: HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(formToken)\">"
    }
}

/// Bad input a page refuses: the message from the catalogue with its parameters, and the status (400 unless said).
struct PageProblem: Error {
    let message: Message
    let parameters: [String: String]
    let status: HTTPStatus

    init(_ message: Message, _ parameters: [String: String] = [:], status: HTTPStatus = .badRequest) {
        self.message = message
        self.parameters = parameters
        self.status = status
    }
}
