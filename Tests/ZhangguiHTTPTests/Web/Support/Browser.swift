import Foundation
import Testing
import ZhangguiHTTP

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A browser as the page tests need one: it keeps the cookies the server sets, sends forms as a browser does and
/// does not follow redirects, so each test sees the `303` and its `Location`.
final class Browser: @unchecked Sendable {
    let shop: APIShop
    /// The cookies received so far, by name.
    private(set) var cookies: [String: String] = [:]

    init(_ shop: APIShop) {
        self.shop = shop
    }

    /// Sets a cookie as if the server had.
    func setCookie(_ name: String, _ value: String) {
        cookies[name] = value
    }

    /// Sends a GET; a query goes in `path`.
    func get(_ path: String) async throws -> TestAnswer {
        try await send("GET", path, body: nil)
    }

    /// Posts `fields` as `application/x-www-form-urlencoded`; the session's form token is added as `csrf` unless
    /// `csrf` is given (nil for none).
    func post(_ path: String, _ fields: [(String, String)], csrf: String?? = .none) async throws -> TestAnswer {
        let token = csrf ?? cookies["zg_csrf"]
        let all = fields + (token.map { [("csrf", $0)] } ?? [])
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send("POST", path, body: Data(body.utf8))
    }

    /// Signs in through the sign-in page: its form token first, then the form; expects the `303` to `/`.
    @discardableResult
    func signIn(_ email: String, password: String = APIShop.password, code: String = "") async throws -> TestAnswer {
        let form = try await get("/signin")
        let token = try #require(Self.formToken(in: form.text))
        return try await post("/signin", [("email", email), ("password", password), ("code", code)], csrf: token)
    }

    /// The value of the first hidden `csrf` field of a page.
    static func formToken(in page: String) -> String? {
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    private func send(_ method: String, _ path: String, body: Data?) async throws -> TestAnswer {
        var request = URLRequest(url: URL(string: shop.server.url + path)!)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type") }
        if !cookies.isEmpty {
            request.setValue(
                cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "),
                forHTTPHeaderField: "Cookie"
            )
        }
        let (data, response) = try await Self.session.data(for: request)
        guard let response = response as? HTTPURLResponse else { throw TestClientError.notHTTP }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        keepCookies(response)
        return TestAnswer(status: response.statusCode, headers: headers, body: data)
    }

    private func keepCookies(_ response: HTTPURLResponse) {
        let fields = response.allHeaderFields.compactMap {
            ($0.key as? String, $0.value as? String) as? (String, String)
        }
        for (name, value) in fields where name.lowercased() == "set-cookie" {
            for cookie in HTTPCookie.cookies(
                withResponseHeaderFields: ["Set-Cookie": value],
                for: URL(string: shop.server.url)!
            ) {
                if cookie.value.isEmpty { cookies[cookie.name] = nil } else { cookies[cookie.name] = cookie.value }
            }
        }
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// Refuses every redirect, so tests see it.
    private final class NoRedirects: NSObject, URLSessionTaskDelegate {
        func urlSession(
            _ session: URLSession,
            task: URLSessionTask,
            willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest,
            completionHandler: @escaping (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()
}

extension APIShop {
    /// Adds orders waiting for review to company A, one per platform order id.
    static func addOrders(_ orderIDs: [String], to shop: APIShop) throws {
        _ = try ingest(shop.database, companyID: shop.companyA.id, orders: orderIDs)
    }
}
