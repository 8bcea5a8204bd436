import Foundation

/// An OpenAPI 3.0 description made from a router's routes: one operation per method and pattern, its summary, its
/// path and query parameters, and who may call it in the `x-permission` extension (a permission, `signedIn` or `open`).
///
/// Known limitation: request and answer bodies are not described yet; docs/SERVER.md lists their fields.
enum OpenAPIDocument {
    /// The document as JSON with sorted keys.
    static func json(for routes: [Router.Route], title: String, version: String) throws -> [UInt8] {
        var paths: [String: [String: Any]] = [:]
        for route in routes {
            var operation: [String: Any] = [
                "summary": route.summary,
                "x-permission": route.access.label,
                "responses": responses(for: route),
            ]
            let path = route.pattern.parameterNames.map { name -> [String: Any] in
                ["name": name, "in": "path", "required": true, "schema": ["type": "string"]]
            }
            let query = route.queryParameters.map { name -> [String: Any] in
                ["name": name, "in": "query", "required": false, "schema": ["type": "string"]]
            }
            let parameters = path + query
            if !parameters.isEmpty { operation["parameters"] = parameters }
            if route.access != .open { operation["security"] = [["session": []], ["bearer": []]] }
            paths[route.pattern.description, default: [:]][route.method.rawValue.lowercased()] = operation
        }
        let document: [String: Any] = [
            "openapi": "3.0.3",
            "info": ["title": title, "version": version],
            "paths": paths,
            "components": [
                "securitySchemes": [
                    "session": ["type": "apiKey", "in": "cookie", "name": "zg_session"],
                    "bearer": ["type": "http", "scheme": "bearer"],
                ]
            ],
        ]
        return Array(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))
    }

    private static func responses(for route: Router.Route) -> [String: Any] {
        var responses: [String: Any] = [
            "200": ["description": "done"],
            "400": ["description": "the request is malformed; the error shape names the field"],
        ]
        if route.access != .open {
            responses["401"] = ["description": "no valid session cookie or API token"]
            responses["403"] = ["description": "the permission is missing, or a cookie write lacks X-CSRF-Token"]
        }
        if !route.pattern.parameterNames.isEmpty {
            responses["404"] = ["description": "no such object in the principal's company"]
        }
        return responses
    }
}
