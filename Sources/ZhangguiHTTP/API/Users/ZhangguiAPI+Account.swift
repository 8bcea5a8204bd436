import ZhangguiServices

extension ZhangguiAPI {
    /// What an authenticator app needs to start: shown once, while enrolment is pending.
    struct EnrolmentAnswer: Encodable {
        let secret: String
        let uri: String
    }

    struct TOTPCodeBody: JSONBody {
        let code: String

        enum CodingKeys: String, CodingKey, CaseIterable { case code }
    }

    /// The recovery codes of a confirmed enrolment; only their digests are kept, so this is the only time they show.
    struct RecoveryCodesAnswer: Encodable {
        let recoveryCodes: [String]
    }

    struct PasswordBody: JSONBody {
        let currentPassword: String
        let newPassword: String

        enum CodingKeys: String, CodingKey, CaseIterable { case currentPassword, newPassword }
    }

    /// The signed-in user's own account: two-factor enrolment and the password. A session is needed, not a token.
    func addAccountRoutes(to router: inout Router) {
        add(
            &router,
            .post,
            "/api/v1/account/totp",
            .signedIn,
            "start TOTP enrolment; the secret is shown once",
            startTOTP
        )
        add(
            &router,
            .post,
            "/api/v1/account/totp/confirm",
            .signedIn,
            "confirm TOTP with a code from the app; the recovery codes are shown once",
            confirmTOTP
        )
        add(&router, .post, "/api/v1/account/password", .signedIn, "change one's own password", changePassword)
    }

    func startTOTP(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        try refuseBody(request)
        let enrolment = try answeringRefusals { try accounts.startTOTPEnrolment(by: principal, now: now) }
        return try .json(EnrolmentAnswer(secret: enrolment.secret, uri: enrolment.uri), status: .created)
    }

    /// `POST /api/v1/account/totp/confirm`: a wrong code is 400 naming `code`, not 401, as the session is fine.
    func confirmTOTP(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let body = try request.decodeJSON(TOTPCodeBody.self)
        let codes = try answeringRefusals {
            try refusingWrongSecret(field: "code") {
                try accounts.confirmTOTP(code: body.code, by: principal, now: now)
            }
        }
        return try .json(RecoveryCodesAnswer(recoveryCodes: codes))
    }

    /// `POST /api/v1/account/password`: the user's other sessions end; a wrong current password counts as a failed
    /// sign-in and is 400 naming `currentPassword`.
    func changePassword(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let body = try request.decodeJSON(PasswordBody.self)
        try answeringRefusals {
            try refusingWrongSecret(field: "currentPassword") {
                try accounts.changePassword(
                    current: body.currentPassword,
                    new: body.newPassword,
                    by: principal,
                    now: now
                )
            }
        }
        return HTTPResponse(status: .noContent)
    }

    /// Runs `body`, turning a wrong password or code typed by a signed-in user into 400 `invalid_value` on `field`.
    private func refusingWrongSecret<T>(field: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as AccountError where [.wrongCredentials, .wrongSecondFactor].contains(error.code) {
            throw HTTPError(.badRequest, code: .invalidValue, message: "\(field) is not right", field: field)
        }
    }
}
