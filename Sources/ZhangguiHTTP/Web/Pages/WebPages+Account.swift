import ZhangguiServices

extension WebPages {
    func addAccountRoutes(to router: inout Router) {
        page(&router, .get, "/account", .signedIn) { try account($0) }
        page(&router, .post, "/account/totp", .signedIn) { try startTOTP($0) }
        page(&router, .post, "/account/totp/confirm", .signedIn) { try confirmTOTP($0) }
        page(&router, .post, "/account/language", .signedIn) { try chooseLanguage($0) }
    }

    /// `POST /account/language`: `to` (`zh-Hans` or `en`) kept with the user, so every browser they sign in from
    /// shows it, and in the cookie for the pages before signing in; then back to `back`, a path of this site.
    func chooseLanguage(_ context: PageContext) throws -> HTTPResponse {
        guard let language = context.form["to"].flatMap(Language.init(rawValue:)) else { throw PageProblem(.badForm) }
        try accounts.setPreferredLanguage(language.rawValue, by: context.principal)
        var response = Responses.redirect(to: Responses.localPath(context.form["back"]))
        response.headers.add("Set-Cookie", Cookies.setting(Cookies.language, language.rawValue, maxAge: 31_536_000))
        return response
    }

    /// `GET /account`: whether two-factor sign-in is on, and the button that starts setting it up.
    func account(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let status: HTML =
            context.isTOTPEnabled
            ? "<p class=\"notice\">\(texts(.totpIsOn))</p>"
            : """
            <p>\(texts(.totpIsOff))</p>
            <form method="post" action="/account/totp">\(context.csrfField)\
            <button type="submit" class="primary">\(texts(.setUpTOTP))</button></form>
            """
        let body: HTML = """
            <h1>\(texts(.myAccount))</h1>
            <p>\(context.userEmail)</p>
            <h2>\(texts(.twoFactor))</h2>
            \(status)
            """
        return Responses.page(Layout(context: context).render(title: texts(.myAccount), body: body))
    }

    /// `POST /account/totp`: starts enrolment and shows the secret as a QR code, with the form for the first code.
    func startTOTP(_ context: PageContext) throws -> HTTPResponse {
        let enrolment = try accounts.startTOTPEnrolment(by: context.principal, now: now)
        return enrolmentPage(context, secret: enrolment.secret, uri: enrolment.uri, problem: nil)
    }

    /// `POST /account/totp/confirm`: turns two factors on with a code from the app and shows the recovery codes
    /// once; a wrong code shows the same QR code again with the error.
    func confirmTOTP(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let codes: [String]
        do {
            codes = try accounts.confirmTOTP(code: context.form["code"] ?? "", by: context.principal, now: now)
        } catch let error as AccountError where error.code == .wrongSecondFactor {
            let secret = (context.form["secret"] ?? "").filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            let uri = context.form["uri"] ?? ""
            return enrolmentPage(context, secret: secret, uri: uri, problem: .wrongSecondFactor, status: .badRequest)
        }
        let items = codes.map { code -> HTML in "<li><code>\(code)</code></li>" }
        let body: HTML = """
            <h1>\(texts(.twoFactor))</h1>
            <p class="notice">\(texts(.totpIsOn))</p>
            <p>\(texts(.recoveryCodesOnce))</p>
            <ul>\(items)</ul>
            <p><a href="/">\(texts(.backToDashboard))</a></p>
            """
        return Responses.page(Layout(context: context).render(title: texts(.twoFactor), body: body))
    }

    private func enrolmentPage(
        _ context: PageContext,
        secret: String,
        uri: String,
        problem: Message?,
        status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let texts = context.texts
        let error: HTML = problem.map { "<p class=\"error\">\(texts($0))</p>" } ?? .empty
        let qr = uri.hasPrefix("otpauth://") ? QRCode(uri)?.svg : nil
        let body: HTML = """
            <h1>\(texts(.twoFactor))</h1>
            \(error)
            <p>\(texts(.scanQRCode))</p>
            \(qr)
            <p>\(texts(.orTypeSecret)) <code>\(secret)</code></p>
            <form method="post" action="/account/totp/confirm" class="stack">\(context.csrfField)
            <input type="hidden" name="secret" value="\(secret)">
            <input type="hidden" name="uri" value="\(uri)">
            <label>\(texts(.codeFromApp))<input name="code" inputmode="numeric" autocomplete="one-time-code" \
            required autofocus></label>
            <button type="submit" class="primary">\(texts(.turnOnTOTP))</button>
            </form>
            """
        return Responses.page(Layout(context: context).render(title: texts(.twoFactor), body: body), status: status)
    }
}
