import Foundation

/// The cookies of the pages. The session cookie is the API's own (`zg_session`); next to it the pages keep the
/// session's form token (`zg_csrf`), a token for the forms used before signing in (`zg_form`) and the language.
enum Cookies {
    static let session = SessionCookie.name
    static let formToken = "zg_csrf"
    static let preSessionToken = "zg_form"
    static let language = "zg_lang"

    /// The value of cookie `name` in the request's `Cookie` header(s), nil when absent or empty.
    static func value(_ name: String, in headers: HTTPHeaders) -> String? {
        for header in headers.values(for: "Cookie") {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name else { continue }
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                if !value.isEmpty { return value }
            }
        }
        return nil
    }

    /// `Set-Cookie` for `name`: HttpOnly, SameSite=Lax like the session cookie (so a page opened from a link
    /// elsewhere still gets its form token), Path=/, Secure behind TLS; `maxAge` 0 forgets it.
    static func setting(_ name: String, _ value: String, maxAge: Int64, isSecure: Bool = false) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Lax" + (isSecure ? "; Secure" : "")
    }

    /// A fresh random token of 32 hexadecimal digits from the system's secure generator.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt32, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    /// Whether two tokens are equal, comparing every byte so the time taken does not tell where they differ.
    static func isSame(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count, !a.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
