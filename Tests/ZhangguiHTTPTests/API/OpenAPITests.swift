import Foundation
import Testing
import ZhangguiHTTP

@Suite("the API describes itself in OpenAPI 3.0")
struct OpenAPITests {
    @Test("the document lists exactly the server's routes, each with its permission and parameters")
    func matchesRoutes() async throws {
        let shop = try APIShop()

        let answer = try await shop.call("GET", "/api/v1/openapi.json")

        let paths = try #require(try answer.json["paths"] as? [String: [String: [String: Any]]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for (method, operation) in operations {
                documented.insert("\(method.uppercased()) \(path) \(operation["x-permission"] as? String ?? "?")")
            }
        }
        let served = Set(shop.routes.map { "\($0.method.rawValue) \($0.pattern.description) \($0.access.label)" })
        #expect(answer.status == 200)
        #expect(try answer.json["openapi"] as? String == "3.0.3")
        #expect(documented == served)
        #expect(documented.contains("POST /api/v1/orders/{id}/approve orders.review"))
        let orderList = try #require(paths["/api/v1/orders"]?["get"]?["parameters"] as? [[String: Any]])
        #expect(orderList.compactMap { $0["name"] as? String } == ["state", "shop", "limit", "cursor", "sort"])
        let detail = try #require(paths["/api/v1/orders/{id}"]?["get"]?["parameters"] as? [[String: Any]])
        #expect(detail.first?["in"] as? String == "path")
    }

    @Test("every write route describes its request body with a schema, every route its answer")
    func describesBodies() async throws {
        let shop = try APIShop()

        let answer = try await shop.call("GET", "/api/v1/openapi.json")

        let paths = try #require(try answer.json["paths"] as? [String: [String: [String: Any]]])
        let operations = paths.flatMap { path, operations in operations.map { ("\($1)", path, $0, $1) } }
        #expect(operations.count == shop.routes.count)
        for (_, path, method, operation) in operations {
            let responses = operation["responses"] as? [String: [String: Any]] ?? [:]
            let success = responses.first { ["200", "201", "204"].contains($0.key) }
            #expect(success != nil, "\(method) \(path) has no success answer")
            if success?.key != "204" {
                let content = success?.value["content"] as? [String: [String: Any]]
                #expect(content?.values.first?["schema"] != nil, "\(method) \(path) answers no schema")
            }
            guard ["post", "put", "patch", "delete"].contains(method) else { continue }
            let body = operation["requestBody"] as? [String: Any]
            let content = body?["content"] as? [String: [String: Any]]
            #expect(content?.values.first?["schema"] != nil, "\(method) \(path) has no request body schema")
        }
    }

    @Test("the schemas name each body's fields and which are required")
    func bodySchemas() async throws {
        let shop = try APIShop()

        let document = try await shop.call("GET", "/api/v1/openapi.json").json

        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        let signIn = try #require(paths["/api/v1/session"]?["post"]?["requestBody"] as? [String: Any])
        let content = try #require(signIn["content"] as? [String: [String: [String: Any]]])
        let schema = try #require(content["application/json"]?["schema"])
        #expect(schema["required"] as? [String] == ["email", "password"])
        let fields = (schema["properties"] as? [String: Any]).map { Set($0.keys) }
        #expect(fields == ["email", "password", "totp", "recoveryCode"])
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: [String: Any]])
        let summary = try #require(schemas["OrderSummary"]?["required"] as? [String])
        #expect(summary.contains("platformOrderID"))
        let upload = try #require(paths["/api/v1/imports/{kind}"]?["post"]?["requestBody"] as? [String: Any])
        #expect((upload["content"] as? [String: Any])?.keys.first == "application/octet-stream")
    }
}
