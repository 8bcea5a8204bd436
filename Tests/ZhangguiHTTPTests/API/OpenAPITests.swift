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
}
