import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

/// The JSON API's order list reads through `APIQueries`; its SQL runs here on every engine.
@Suite("The API's order list names each held order's open holds, on every engine")
struct APIOrderListTests {
    @Test("a held order lists reason(check) for its holds; an approved one none", arguments: Engine.all)
    func holds(engine: Engine) throws {
        let shop = try DeskQueriesTests.shop(engine)

        let rows = try shop.database.read { connection in
            try APIQueries(connection).orders(companyID: shop.companyID, filter: .init())
        }

        #expect(rows.map(\.row.platformOrderID) == ["X1", "X2", "X3"])
        #expect(rows.map(\.shop) == ["SHOP", "SHOP", "SHOP"])
        #expect(rows[0].row.state == "approved")
        #expect(rows[0].row.holds == "")
        #expect(rows[1].row.holds.hasPrefix("stock_shortage("))
        #expect(rows[2].row.holds.hasPrefix("buyer_note("))
    }
}
