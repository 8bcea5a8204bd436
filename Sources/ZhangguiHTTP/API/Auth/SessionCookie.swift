import Foundation

/// The `zg_session` cookie and the bearer token: reading them from a request and writing the cookie's header.
enum SessionCookie {
    static let name = "zg_session"

    /// The session token in the request's `Cookie` header(s), nil when absent or empty.
    static func value(in headers: HTTPHeaders) -> String? {
        Cookies.value(name, in: headers)
    }

    /// The token of an `Authorization: Bearer zg_…` header; nil for any other kind of header.
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// `Set-Cookie` for a new session: HttpOnly so scripts cannot read it, SameSite=Lax, Path=/, Secure behind TLS;
    /// `maxAge` in seconds.
    static func setting(_ token: String, maxAge: Int64, isSecure: Bool) -> String {
        "\(name)=\(token); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Lax" + (isSecure ? "; Secure" : "")
    }

    /// `Set-Cookie` that makes the browser forget the session.
    static func clearing(isSecure: Bool) -> String {
        setting("", maxAge: 0, isSecure: isSecure)
    }
}
