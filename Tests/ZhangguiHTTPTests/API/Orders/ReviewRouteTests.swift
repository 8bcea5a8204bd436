import Foundation
import Testing
import ZhangguiCore
import ZhangguiStore

@Suite("POST /api/v1/orders/review reviews the waiting orders of the caller's company and shops")
struct ReviewRouteTests {
    @Test(
        "company A's two waiting orders are reviewed, audited as one batch; B's stay waiting; a second call finds none"
    )
    func review() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.customerService)

        let first = try await shop.call("POST", "/api/v1/orders/review", as: clerk)
        let second = try await shop.call("POST", "/api/v1/orders/review", as: clerk)
        let stateOfB = try shop.database.read { connection in
            try connection.queryOne(
                "SELECT COUNT(*) FROM trades WHERE company_id = ? AND state = 'pendingReview'",
                shop.companyB.id
            )?.int(0)
        }
        let audited = try shop.database.read { connection in
            try connection.queryOne(
                "SELECT COUNT(*) FROM audit_log WHERE company_id = ? AND action = 'orders.review'",
                shop.companyA.id
            )?.int(0)
        }

        #expect(first.status == 200)
        #expect(try first.json["reviewed"] as? Int == 2)
        #expect(try second.json["reviewed"] as? Int == 0)
        #expect(stateOfB == 1)
        #expect(audited == 1)
    }
}
