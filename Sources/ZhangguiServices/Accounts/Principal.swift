public import ZhangguiCore

/// Who is acting, as established by ``AccountService/validateSession(_:now:csrfToken:requestID:)`` or
/// ``AccountService/verifyAPIToken(_:now:requestID:)``: the company, the user, what they may do and which shops
/// and warehouses they may see.
///
/// Only the account service makes principals, so the company of every operation comes from a verified credential,
/// never from a request's body or query.
public struct Principal: Sendable, Hashable {
    public let companyID: Int64
    /// The signed-in user, or for an API token the user who created it.
    public let userID: Int64
    /// The API token acting, nil for a signed-in user.
    public let tokenID: Int64?
    /// The digest of the session token, nil for an API token.
    let sessionID: String?
    public let permissions: Set<Permission>
    public let scope: DataScope
    /// The request this principal acts in, carried into audit entries.
    public let requestID: String

    /// Whether the principal holds `permission`.
    public func can(_ permission: Permission) -> Bool { permissions.contains(permission) }

    /// Throws ``AccountError`` `.forbidden` unless the principal holds `permission`.
    public func require(_ permission: Permission) throws(AccountError) {
        guard can(permission) else { throw AccountError(.forbidden, detail: "needs \(permission.rawValue)") }
    }

    /// Throws unless a person is signed in: account changes (password, two-factor, tokens) are not for tokens.
    func requireSession() throws(AccountError) {
        guard sessionID != nil, tokenID == nil else {
            throw AccountError(.forbidden, detail: "only a signed-in user can do this, not an API token")
        }
    }
}
