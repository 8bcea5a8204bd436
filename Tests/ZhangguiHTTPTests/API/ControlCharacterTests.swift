import Foundation
import Testing
import ZhangguiCore

@Suite("Text holding a control character is refused naming its field, on every route that reads JSON")
struct ControlCharacterTests {
    @Test("a NUL in a memo or a name is 400 invalid_value with the field; tab and line breaks are text")
    func refused() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)
        let receipt = { (memo: String) in
            #"{"reason":"other","memo":"\#(memo)","lines":"#
                + #"[{"warehouse":"MAIN","sku":"MUG","quantity":1,"unitCostFen":100}]}"#
        }

        let nul = try await shop.call("POST", "/api/v1/stock/receipts", as: admin, json: receipt(#"a\u0000b"#))
        let bell = try await shop.call(
            "POST",
            "/api/v1/users",
            as: admin,
            json: #"{"email":"x@a.example","displayName":"\u0007","password":"long enough pass","roleIDs":[]}"#
        )
        let lines = try await shop.call("POST", "/api/v1/stock/receipts", as: admin, json: receipt(#"a\tb\nc"#))

        #expect(nul.status == 400)
        #expect(try nul.error["code"] as? String == "invalid_value")
        #expect(try nul.error["field"] as? String == "memo")
        #expect(bell.status == 400)
        #expect(try bell.error["field"] as? String == "displayName")
        #expect(lines.status == 201)
    }
}
