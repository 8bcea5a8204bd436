import ZhangguiServices

extension HTTPError.Code {
    /// No valid session cookie or API token came with a request that needs one.
    public static let unauthenticated: Self = "unauthenticated"
    /// Email, password or second factor is wrong; one code for all, so accounts cannot be told apart.
    public static let wrongCredentials: Self = "wrong_credentials"
    /// The password was right; the account needs `totp` or `recoveryCode` as well.
    public static let secondFactorRequired: Self = "second_factor_required"
    /// The principal lacks the permission the route needs, or a cookie write lacks its `X-CSRF-Token`.
    public static let forbidden: Self = "forbidden"
    /// The `X-CSRF-Token` header is absent or not the session's.
    public static let csrfMismatch: Self = "csrf_mismatch"
    /// Too many failed sign-ins; `Retry-After` gives the seconds to wait.
    public static let rateLimited: Self = "rate_limited"
    /// The request conflicts with what is stored: email taken, last admin, wrong state of an order.
    public static let conflict: Self = "conflict"
}

extension HTTPError {
    /// 401 for a request without a valid credential.
    static var unauthenticated: HTTPError {
        HTTPError(.unauthorized, code: .unauthenticated, message: "sign in, or send an API token as a bearer token")
    }

    /// 404 for an object that is not in the principal's company (or does not exist): the two look the same.
    static func objectNotFound(_ what: String) -> HTTPError {
        HTTPError(.notFound, code: .notFound, message: "no such \(what)")
    }

    /// The answer to an account refusal, following docs/ACCOUNTS.md: credentials 401, limits 429 with
    /// `Retry-After`, permissions and CSRF 403, other companies' ids 404, bad input 400, conflicts 409.
    init(_ error: AccountError) {
        let message = error.description
        switch error.code {
        case .wrongCredentials, .wrongSecondFactor:
            self.init(.unauthorized, code: .wrongCredentials, message: message)
        case .secondFactorRequired:
            self.init(.unauthorized, code: .secondFactorRequired, message: message)
        case .sessionInvalid, .tokenInvalid:
            self.init(.unauthorized, code: .unauthenticated, message: message)
        case .rateLimited:
            let seconds = String(max(error.retryAfter ?? 1, 1))
            self.init(.tooManyRequests, code: .rateLimited, message: message, headers: ["Retry-After": seconds])
        case .csrfMismatch:
            self.init(.forbidden, code: .csrfMismatch, message: message)
        case .forbidden:
            self.init(.forbidden, code: .forbidden, message: message)
        case .notFound:
            self.init(.notFound, code: .notFound, message: "no such object")
        case .invalidInput:
            // The detail of a refused value is the field's name, sometimes followed by ": why".
            let name = error.detail.split(separator: ":").first.map(String.init) ?? ""
            let field = Self.accountFields[name]
            self.init(.badRequest, code: .invalidValue, message: message, field: field)
        case .weakPassword:
            self.init(.badRequest, code: .invalidValue, message: message)
        case .emailTaken, .totpAlreadyEnabled, .totpNotStarted, .lastAdmin:
            self.init(.conflict, code: .conflict, message: message)
        }
    }

    /// The JSON field of each value the account services name when they refuse it.
    private static let accountFields = [
        "email": "email", "name": "displayName", "displayName": "displayName", "role name": "name",
        "permissions": "permissions", "expiry in the past": "expiresAt",
    ]

    /// The answer to a refused order action: an unknown trade is 404, the rest 409.
    init(_ error: OrderActionError) {
        switch error.code {
        case .notFound: self = .objectNotFound("order")
        case .insufficientStock, .unmapped, .wrongState:
            self.init(.conflict, code: .conflict, message: error.description)
        }
    }
}
