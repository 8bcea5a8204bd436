/// Why a security primitive refused or failed.
///
/// `description` never holds the password, secret or token involved.
public struct SecurityError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The password is empty.
        case emptyPassword
        /// The password is longer than ``PasswordHasher/maximumPasswordBytes`` bytes of UTF-8.
        case passwordTooLong
        /// The operating system's random source did not answer.
        case randomUnavailable
        /// The C library reported an error; `detail` holds its message.
        case libraryFailure
    }

    public let code: Code
    public let detail: String

    public init(code: Code, detail: String = "") {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        switch code {
        case .emptyPassword: "the password is empty"
        case .passwordTooLong: "the password is longer than \(PasswordHasher.maximumPasswordBytes) bytes"
        case .randomUnavailable: "no random bytes available"
        case .libraryFailure: "cryptography library failure: \(detail)"
        }
    }
}
