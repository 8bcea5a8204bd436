public import ZhangguiCore
public import ZhangguiSecurity

/// The settings of sign-in, sessions and passwords; the defaults follow OWASP ASVS level 2.
public struct AccountPolicy: Sendable {
    /// How new password hashes are made; older hashes are replaced at the next sign-in.
    public var hasher: PasswordHasher = .standard
    /// The fewest characters a new password may have (ASVS 2.1.1); at most 1,024 bytes are accepted.
    public var minimumPasswordLength = 12
    /// When sessions end.
    public var sessions: SessionTimeouts = .standard
    /// Failed sign-ins allowed per account.
    public var accountThrottle: SignInThrottle = .perAccount
    /// Failed sign-ins allowed per network address.
    public var addressThrottle: SignInThrottle = .perAddress
    /// The issuer authenticator apps show next to the account.
    public var issuer = "Zhanggui"
    /// A session's last-seen time and a token's last-used time are written at most this often (seconds), so that
    /// not every request needs a write; idle expiry is exact to within this interval.
    public var touchInterval: Int64 = 60

    public init() {}
}
