import Foundation
import Testing
import ZhangguiHTTP

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension Browser {
    /// Posts `fields` and one file as `multipart/form-data`, as a browser sends a form with a file field, with the
    /// session's cookies and form token (`csrf` replaces it when given). Redirects are not followed.
    func upload(
        _ path: String,
        _ fields: [(String, String)],
        file: (field: String, name: String, bytes: [UInt8]),
        csrf: String? = nil
    ) async throws -> TestAnswer {
        let boundary = "zhanggui-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields + [("csrf", csrf ?? cookies["zg_csrf"] ?? "")] {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n".utf8))
            body.append(Data("\(value)\r\n".utf8))
        }
        body.append(
            Data(
                ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").utf8
            )
        )
        body.append(Data(file.bytes))
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var request = URLRequest(url: URL(string: shop.server.url + path)!)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.setValue(cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "), forHTTPHeaderField: "Cookie")
        let (data, response) = try await UploadSession.shared.data(for: request)
        guard let response = response as? HTTPURLResponse else { throw TestClientError.notHTTP }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return TestAnswer(status: response.statusCode, headers: headers, body: data)
    }
}

/// A URL session that follows no redirect and keeps no cookie, for uploads.
private final class UploadSession: NSObject, URLSessionTaskDelegate {
    static let shared: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration, delegate: UploadSession(), delegateQueue: nil)
    }()

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
