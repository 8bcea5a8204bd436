import Foundation
import ZhangguiHTTP

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An answer as the tests look at it.
struct TestAnswer: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data

    /// A header's value, by name in any case.
    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object.
    var json: [String: Any] {
        get throws {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw TestClientError.notAnObject(text)
            }
            return object
        }
    }

    /// The `error` member of the error shape.
    var error: [String: Any] {
        get throws {
            guard let error = try json["error"] as? [String: Any] else { throw TestClientError.notAnObject(text) }
            return error
        }
    }
}

enum TestClientError: Error {
    case notAnObject(String)
    case notHTTP
}

/// Sends one request to `server` with URLSession, over loopback.
func send(
    _ method: String,
    _ path: String,
    to server: HTTPServer,
    body: Data? = nil,
    headers: [String: String] = [:]
) async throws -> TestAnswer {
    var request = URLRequest(url: URL(string: server.url + path)!)
    request.httpMethod = method
    request.httpBody = body
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await URLSession.shared.data(for: request)
    guard let response = response as? HTTPURLResponse else { throw TestClientError.notHTTP }
    var fields: [String: String] = [:]
    for (name, value) in response.allHeaderFields {
        if let name = name as? String, let value = value as? String { fields[name] = value }
    }
    return TestAnswer(status: response.statusCode, headers: fields, body: data)
}

/// Sends a JSON text as the body of a POST.
func post(_ path: String, json: String, to server: HTTPServer) async throws -> TestAnswer {
    try await send("POST", path, to: server, body: Data(json.utf8), headers: ["Content-Type": "application/json"])
}
