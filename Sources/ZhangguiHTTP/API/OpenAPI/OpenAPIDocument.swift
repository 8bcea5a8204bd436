import Foundation

/// An OpenAPI 3.0 description made from a router's routes: one operation per method and pattern, its summary, its
/// path and query parameters, who may call it in the `x-permission` extension (a permission, `signedIn` or `open`),
/// and its request and answer bodies from ``OpenAPIBodies``.
enum OpenAPIDocument {
    /// The document as JSON with sorted keys.
    static func json(for routes: [Router.Route], title: String, version: String) throws -> [UInt8] {
        var paths: [String: [String: Any]] = [:]
        for route in routes {
            let bodies = OpenAPIBodies.routes["\(route.method.rawValue) \(route.pattern.description)"]
            var operation: [String: Any] = [
                "summary": route.summary,
                "x-permission": route.access.label,
                "responses": responses(for: route, bodies: bodies),
            ]
            if let request = bodies?.request { operation["requestBody"] = requestBody(request) }
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
                "schemas": OpenAPIBodies.components.mapValues(\.json),
                "securitySchemes": [
                    "session": ["type": "apiKey", "in": "cookie", "name": "zg_session"],
                    "bearer": ["type": "http", "scheme": "bearer"],
                ],
            ],
        ]
        return Array(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))
    }

    private static func requestBody(_ request: RouteBodies.Request) -> [String: Any] {
        switch request {
        case .json(let schema, let isRequired):
            ["required": isRequired, "content": ["application/json": ["schema": schema.json]]]
        case .file:
            [
                "required": true,
                "description": "the file's bytes; its name in X-File-Name",
                "content": ["application/octet-stream": ["schema": OpenAPISchema.file.json]],
            ]
        }
    }

    private static func responses(for route: Router.Route, bodies: RouteBodies?) -> [String: Any] {
        let error = ["application/json": ["schema": OpenAPISchema.ref("Error").json]]
        var success: [String: Any] = ["description": "done"]
        if let answer = bodies?.answer {
            let type = if case .file = answer { "application/pdf" } else { "application/json" }
            success["content"] = [type: ["schema": answer.json]]
        }
        var responses: [String: Any] = [
            String(bodies?.status ?? 200): success,
            "400": ["description": "the request is malformed; the error shape names the field", "content": error],
        ]
        if route.access != .open {
            responses["401"] = ["description": "no valid session cookie or API token", "content": error]
            responses["403"] = [
                "description": "the permission is missing, or a cookie write lacks X-CSRF-Token", "content": error,
            ]
        }
        if !route.pattern.parameterNames.isEmpty {
            responses["404"] = ["description": "no such object in the principal's company", "content": error]
        }
        return responses
    }
}
