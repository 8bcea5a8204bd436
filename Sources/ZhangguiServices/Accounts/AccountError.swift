/// Why an account operation was refused. `code` is the stable id of the message shown to users; `retryAfter` and
/// `detail` are its parameters. `description` never holds a password, token, code or email.
public struct AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// Unknown email, wrong password or disabled user: deliberately one answer for all three.
        case wrongCredentials
        /// The password was right; the account needs a TOTP code or a recovery code as well.
        case secondFactorRequired
        /// The TOTP code or recovery code was wrong, expired or used before.
        case wrongSecondFactor
        /// Too many failed attempts; `retryAfter` says how many seconds to wait.
        case rateLimited
        /// The session token is unknown, expired or revoked, or its user was disabled.
        case sessionInvalid
        /// The anti-CSRF token does not belong to the session.
        case csrfMismatch
        /// The API token is unknown, expired or revoked, or its creator was disabled.
        case tokenInvalid
        /// The user or token lacks the permission or data scope the operation needs.
        case forbidden
        /// No such user, role, token, shop or warehouse in the caller's company.
        case notFound
        /// Another account uses the email.
        case emailTaken
        /// The email, name or role is not acceptable; `detail` says which.
        case invalidInput
        /// The new password is too short, too long or empty; `detail` says which.
        case weakPassword
        /// TOTP is on already; it cannot be enrolled twice.
        case totpAlreadyEnabled
        /// There is no TOTP enrolment to confirm.
        case totpNotStarted
        /// The change would leave the company without an enabled admin.
        case lastAdmin
    }

    public let code: Code
    /// Seconds to wait, for `.rateLimited`.
    public let retryAfter: Int64?
    public let detail: String

    public init(_ code: Code, detail: String = "", retryAfter: Int64? = nil) {
        self.code = code
        self.detail = detail
        self.retryAfter = retryAfter
    }

    public var description: String {
        switch code {
        case .wrongCredentials: "wrong email or password"
        case .secondFactorRequired: "enter the code from your authenticator app or a recovery code"
        case .wrongSecondFactor: "the code is wrong, expired or was used before"
        case .rateLimited: "too many failed attempts; try again in \(retryAfter ?? 0) seconds"
        case .sessionInvalid: "the session has ended; sign in again"
        case .csrfMismatch: "the request did not come from this session's pages"
        case .tokenInvalid: "the API token is not valid"
        case .forbidden: "not allowed: \(detail)"
        case .notFound: "not found: \(detail)"
        case .emailTaken: "an account with this email exists already"
        case .invalidInput: "invalid \(detail)"
        case .weakPassword: "the password \(detail)"
        case .totpAlreadyEnabled: "two-factor sign-in is on already"
        case .totpNotStarted: "start two-factor enrolment first"
        case .lastAdmin: "the company must keep at least one enabled admin"
        }
    }
}
