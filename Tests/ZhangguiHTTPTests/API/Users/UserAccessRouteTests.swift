import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP

@Suite("an admin defines roles and sets what each user may do and see over the API")
struct UserAccessRouteTests {
    @Test("a custom role is made from named permissions, listed with the roles, and given to a user")
    func customRole() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)
        let clerkID = try #require(shop.companyA.userIDs[.customerService])

        let created = try await shop.call(
            "POST",
            "/api/v1/roles",
            as: admin,
            json: #"{"name":"质检","permissions":["orders.read","stock.read"]}"#
        )
        let roleID = try #require(try created.json["id"] as? Int64)
        let unknown = try await shop.call(
            "POST",
            "/api/v1/roles",
            as: admin,
            json: #"{"name":"打包","permissions":["orders.read","orders.pack"]}"#
        )
        let assigned = try await shop.call(
            "PUT",
            "/api/v1/users/\(clerkID)/roles",
            as: admin,
            json: #"{"roleIDs":[\#(roleID)]}"#
        )
        let roles = try await shop.call("GET", "/api/v1/roles", as: admin)
        let users = try await shop.call("GET", "/api/v1/users", as: admin)
        let clerk = try await shop.signIn(.customerService)
        let approve = try await shop.call("POST", "/api/v1/orders/\(shop.companyA.tradeIDs[0])/approve", as: clerk)

        #expect(created.status == 201)
        #expect(unknown.status == 400)
        #expect(try unknown.error["field"] as? String == "permissions[1]")
        #expect(assigned.status == 204)
        let role = try (roles.json["roles"] as? [[String: Any]])?.first { $0["id"] as? Int64 == roleID }
        #expect(role?["permissions"] as? [String] == ["orders.read", "stock.read"])
        let user = try (users.json["users"] as? [[String: Any]])?.first { $0["id"] as? Int64 == clerkID }
        #expect(user?["roleIDs"] as? [Int64] == [roleID])
        #expect(approve.status == 403)
        let audit = try await shop.call("GET", "/api/v1/audit?objectType=user&objectId=\(clerkID)", as: admin)
        #expect(audit.text.contains("user.assignRoles"))
        let roleAudit = try await shop.call("GET", "/api/v1/audit?objectType=role&objectId=\(roleID)", as: admin)
        #expect(roleAudit.text.contains("role.create"))
    }

    @Test("a user scoped to no shop sees no order; scoped back to all shops, sees them again")
    func scope() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)
        let clerkID = try #require(shop.companyA.userIDs[.customerService])
        let clerk = try await shop.signIn(.customerService)
        let path = "/api/v1/users/\(clerkID)/scope"

        let narrowed = try await shop.call("PUT", path, as: admin, json: #"{"shops":[],"warehouses":"all"}"#)
        let none = try await shop.call("GET", "/api/v1/orders", as: clerk)
        let widened = try await shop.call("PUT", path, as: admin, json: #"{"shops":"all","warehouses":"all"}"#)
        let all = try await shop.call("GET", "/api/v1/orders", as: clerk)
        let word = try await shop.call("PUT", path, as: admin, json: #"{"shops":"some","warehouses":"all"}"#)

        #expect(narrowed.status == 204)
        #expect(try (none.json["orders"] as? [Any])?.count == 0)
        #expect(widened.status == 204)
        #expect(try (all.json["orders"] as? [Any])?.count == shop.companyA.tradeIDs.count)
        #expect(word.status == 400)
        let audit = try await shop.call("GET", "/api/v1/audit?objectType=user&objectId=\(clerkID)", as: admin)
        #expect(audit.text.contains("user.setScope"))
    }

    @Test("the last admin cannot be given a role without users.manage")
    func lastAdmin() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)
        let adminID = try #require(shop.companyA.userIDs[.admin])
        let roles = try await shop.call("GET", "/api/v1/roles", as: admin)
        let finance = try #require(
            try (roles.json["roles"] as? [[String: Any]])?.first { $0["builtIn"] as? String == "finance" }?["id"]
                as? Int64
        )

        let answer = try await shop.call(
            "PUT",
            "/api/v1/users/\(adminID)/roles",
            as: admin,
            json: #"{"roleIDs":[\#(finance)]}"#
        )

        #expect(answer.status == 409)
    }
}
