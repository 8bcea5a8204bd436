import Foundation
import ZhangguiCore
import ZhangguiHTTP

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How a test request proves who it is: a session cookie with its CSRF token, an API token, or nothing.
struct Credential: Sendable {
    var sessionToken: String?
    var csrfToken: String?
    var bearer: String?

    static let none = Credential()

    /// The header fields for a request with `method`: the cookie and, on writes, the CSRF token.
    func headers(for method: String) -> [String: String] {
        var headers: [String: String] = [:]
        if let sessionToken { headers["Cookie"] = "zg_session=\(sessionToken)" }
        if let csrfToken, !["GET", "HEAD"].contains(method) { headers["X-CSRF-Token"] = csrfToken }
        if let bearer { headers["Authorization"] = "Bearer \(bearer)" }
        return headers
    }
}

/// A URLSession that neither stores nor sends cookies by itself, so each test says exactly what it sends.
let cookielessSession: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpShouldSetCookies = false
    configuration.httpCookieAcceptPolicy = .never
    return URLSession(configuration: configuration)
}()

extension APIShop {
    /// Sends a request as `credential`; `json` is sent as an `application/json` body.
    func call(
        _ method: String,
        _ path: String,
        as credential: Credential = .none,
        json: String? = nil,
        body: Data? = nil,
        headers: [String: String] = [:]
    ) async throws -> TestAnswer {
        var request = URLRequest(url: URL(string: server.url + path)!)
        request.httpMethod = method
        request.httpBody = json.map { Data($0.utf8) } ?? body
        var fields = credential.headers(for: method)
        if json != nil { fields["Content-Type"] = "application/json" }
        fields.merge(headers) { $1 }
        for (name, value) in fields { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await cookielessSession.data(for: request)
        guard let response = response as? HTTPURLResponse else { throw TestClientError.notHTTP }
        var answerHeaders: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { answerHeaders[name] = value }
        }
        return TestAnswer(status: response.statusCode, headers: answerHeaders, body: data)
    }

    /// Signs in over HTTP and returns the cookie's session token with the CSRF token.
    func signIn(_ email: String, password: String = APIShop.password) async throws -> Credential {
        let answer = try await call(
            "POST",
            "/api/v1/session",
            json: #"{"email":"\#(email)","password":"\#(password)"}"#
        )
        guard answer.status == 201, let cookie = answer.header("Set-Cookie"),
            let token = cookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last,
            let csrf = try answer.json["csrfToken"] as? String
        else { throw TestClientError.notAnObject(answer.text) }
        return Credential(sessionToken: String(token), csrfToken: csrf)
    }

    /// Signs in as the user of `role` in company A.
    func signIn(_ role: BuiltInRole, of company: Company? = nil) async throws -> Credential {
        try await signIn((company ?? companyA).emails[role] ?? "")
    }
}
