import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiStore

@Suite("another company's ids answer 404, never 403, and nothing of theirs changes")
struct CompanyIsolationTests {
    @Test(
        "company B's order, product, user, token and shop ids are not found for A's admin on every route taking an id"
    )
    func otherCompanysIDs() async throws {
        let shop = try APIShop(shopSync: { SyncService(database: $0, channels: ShopBed.feed, box: ShopBed.box) })
        let adminA = try await shop.signIn(.admin)
        let adminB = try await shop.signIn(.admin, of: shop.companyB)
        let tokenB = try await shop.call(
            "POST",
            "/api/v1/tokens",
            as: adminB,
            json: #"{"name":"b sync","permissions":["orders.read"]}"#
        )
        let tokenID = try #require(try tokenB.json["id"] as? Int64)
        // B's order goes into a shipment, so B has a shipment id for the shipment routes.
        let orderIDB = shop.companyB.tradeIDs[0]
        _ = try await shop.call("POST", "/api/v1/orders/\(orderIDB)/approve", as: adminB)
        _ = try await shop.call("POST", "/api/v1/fulfilment/allocate", as: adminB)
        let shipmentB = try shop.database.read { connection in
            try connection.queryOne("SELECT shipment_id FROM trades WHERE id = ?", orderIDB)?.optionalInt(0) ?? 0
        }
        #expect(shipmentB > 0)
        let shopB = try Self.connectShop(of: shop.companyB, in: shop)
        let ids = [
            "shipments": shipmentB,
            "orders": shop.companyB.tradeIDs[0],
            "products": shop.companyB.productIDs[0],
            "users": shop.companyB.userIDs[.finance] ?? 0,
            "tokens": tokenID,
            // Company B has no after-sales case; no company has case 1, so it is not found either way.
            "after-sales": Int64(1),
            "shops": shopB,
        ]
        let routes = shop.routes.filter { $0.pattern.parameterNames == ["id"] }
        #expect(routes.count == 26)
        // Routes that take a body get a well-formed one, so only the id can be what is refused.
        let bodies = [
            "/api/v1/users/{id}/roles": #"{"roleIDs":[1]}"#,
            "/api/v1/users/{id}/scope": #"{"shops":"all","warehouses":"all"}"#,
            "/api/v1/shops/{id}": #"{"buffer":1,"paused":true}"#,
            "/api/v1/shops/{id}/backfill": #"{"from":"2026-12-01","to":"2026-12-02"}"#,
            "/api/v1/shops/{id}/repull": #"{"platformOrderID":"B1"}"#,
        ]

        for route in routes {
            let area = route.pattern.description.split(separator: "/")[2]
            let id = try #require(ids[String(area)], "no id of company B for \(route.pattern)")
            let path = route.pattern.description.replacingOccurrences(of: "{id}", with: String(id))

            let body = route.method == .get ? nil : bodies[route.pattern.description]
            let answer = try await shop.call(route.method.rawValue, path, as: adminA, json: body)

            #expect(answer.status == 404, "\(route.method) \(path): \(answer.text)")
            #expect(try answer.error["code"] as? String == "not_found")
        }
        let mapping = try await shop.call(
            "PUT",
            "/api/v1/shops/\(shopB)/sku-mappings/1001",
            as: adminA,
            json: #"{"sku":"MUG"}"#
        )
        #expect(try mapping.status == 404 && (mapping.error["code"] as? String) == "not_found")
        let shopOfB = try shop.database.read {
            try ShopConnectionRecords($0).find(shopID: shopB, companyID: shop.companyB.id)
        }
        #expect(shopOfB?.status == .active && shopOfB?.stockShare.buffer == 0)
        #expect(
            try shop.database.read {
                try SyncRunRecords($0).recent(shopID: shopB, companyID: shop.companyB.id, limit: 9)
            }.isEmpty
        )
        let audit = try await shop.call("GET", "/api/v1/audit?userId=\(ids["users"] ?? 0)", as: adminA)
        #expect(audit.status == 404)
        let orderB = try await shop.call("GET", "/api/v1/orders/\(ids["orders"] ?? 0)", as: adminB)
        #expect(try orderB.json["state"] as? String == "allocated")
        let financeB = try await shop.signIn(.finance, of: shop.companyB)
        #expect(financeB.sessionToken != nil)
    }

    /// Connects shop B-TM (淘宝) of `company` and returns its id.
    static func connectShop(of company: APIShop.Company, in shop: APIShop) throws -> Int64 {
        let credentials = ShopCredentials(
            platform: .taobao,
            appKey: "b-key",
            appSecret: "b-secret",
            authorization: ShopAuthorization(accessToken: "b-token", accessExpiresAtMillis: Int64.max / 2),
            endpoint: "http://127.0.0.1:9/router/rest"
        )
        return try ShopService(database: shop.database, box: ShopBed.box)
            .connect(code: "B-TM", name: "别家天猫", credentials: credentials, companyID: company.id)
    }

    @Test("lists show only the signed-in user's company")
    func lists() async throws {
        let shop = try APIShop()
        let adminB = try await shop.signIn(.admin, of: shop.companyB)

        let orders = try await shop.call("GET", "/api/v1/orders", as: adminB)
        let users = try await shop.call("GET", "/api/v1/users", as: adminB)

        #expect(try (orders.json["orders"] as? [[String: Any]])?.map { $0["platformOrderID"] as? String } == ["B1"])
        #expect(!users.text.contains("a.example"))
        let shopB = try Self.connectShop(of: shop.companyB, in: shop)
        let shopsOfA = try await shop.call("GET", "/api/v1/shops", as: try await shop.signIn(.admin))
        let shopsOfB = try await shop.call("GET", "/api/v1/shops", as: adminB)
        #expect(try (shopsOfA.json["shops"] as? [Any])?.isEmpty == true)
        #expect(try (shopsOfB.json["shops"] as? [[String: Any]])?.map { $0["id"] as? Int64 } == [shopB])
    }
}
