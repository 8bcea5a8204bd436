import Testing
import ZhangguiCore

@Suite("The request log line says which company and user made the request")
struct RequestLogWhoTests {
    @Test("a signed-in request names company and user, also when refused; an anonymous one names neither")
    func who() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.warehouse)
        let company = shop.companyA.id
        let user = try #require(shop.companyA.userIDs[.warehouse])

        _ = try await shop.call("GET", "/api/v1/orders", as: clerk)
        _ = try await shop.call("POST", "/api/v1/users", as: clerk, json: "{}")
        _ = try await shop.call("GET", "/api/v1/orders")

        let lines =
            shop.test.requestLines.filter { $0.contains("http.route=/api/v1/orders ") }
            + shop.test.requestLines.filter { $0.contains("http.route=/api/v1/users ") }
        #expect(lines.count == 3)
        #expect(lines[0].contains(" company.id=\(company) user.id=\(user) token.id=- "))
        #expect(lines[0].contains(" http.status=200 "))
        #expect(lines[1].contains(" company.id=- user.id=- token.id=- "))
        #expect(lines[1].contains(" http.status=401 "))
        #expect(lines[2].contains(" company.id=\(company) user.id=\(user) token.id=- "))
        #expect(lines[2].contains(" http.status=403 "))
    }
}
