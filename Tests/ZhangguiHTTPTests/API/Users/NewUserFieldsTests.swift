import Foundation
import Testing
import ZhangguiCore

@Suite("Adding a user: the optional name, and refusals that name their field")
struct NewUserFieldsTests {
    @Test("without displayName the user is named by the email; a bad email or name is refused naming its field")
    func fields() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)
        let add = { (json: String) in try await shop.call("POST", "/api/v1/users", as: admin, json: json) }

        let unnamed = try await add(#"{"email":"new@a.example","password":"long enough pass","roleIDs":[]}"#)
        let badEmail = try await add(#"{"email":"not-an-email","password":"long enough pass","roleIDs":[]}"#)
        let longName = String(repeating: "名", count: 101)
        let badName = try await add(
            #"{"email":"n2@a.example","displayName":"\#(longName)","password":"long enough pass","roleIDs":[]}"#
        )
        let users = try await shop.call("GET", "/api/v1/users", as: admin)

        #expect(unnamed.status == 201)
        let listed = try #require(users.json["users"] as? [[String: Any]])
        #expect(
            listed.contains {
                $0["email"] as? String == "new@a.example" && $0["displayName"] as? String == "new@a.example"
            }
        )
        #expect(badEmail.status == 400)
        #expect(try badEmail.error["field"] as? String == "email")
        #expect(badName.status == 400)
        #expect(try badName.error["field"] as? String == "displayName")
    }
}
