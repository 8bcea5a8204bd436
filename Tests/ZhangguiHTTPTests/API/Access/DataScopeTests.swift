import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices

@Suite("a user sees only the shops and warehouses of their data scope")
struct DataScopeTests {
    @Test("with no shop and no warehouse in scope, lists are empty and an order's id is not found")
    func closedScope() async throws {
        let shop = try APIShop()
        let accounts = AccountService(database: shop.database)
        let now = Int64(Date().timeIntervalSince1970)
        let attempt = SignInAttempt(email: "admin@a.example", password: APIShop.password, address: "")
        let admin = try accounts.validateSession(try accounts.signIn(attempt, now: now).sessionToken, now: now)
        let clerkID = try #require(shop.companyA.userIDs[.customerService])
        try accounts.setScope(DataScope(shops: .only([]), warehouses: .only([])), forUser: clerkID, by: admin, now: now)
        let clerk = try await shop.signIn(.customerService)

        let orders = try await shop.call("GET", "/api/v1/orders", as: clerk)
        let stock = try await shop.call("GET", "/api/v1/stock", as: clerk)
        let ledger = try await shop.call("GET", "/api/v1/stock/MUG/ledger", as: clerk)
        let order = try await shop.call("GET", "/api/v1/orders/\(shop.companyA.tradeIDs[0])", as: clerk)
        let approve = try await shop.call("POST", "/api/v1/orders/\(shop.companyA.tradeIDs[0])/approve", as: clerk)

        #expect(orders.text == #"{"orders":[]}"#)
        #expect(stock.text == #"{"stock":[]}"#)
        #expect(ledger.text == #"{"entries":[],"sku":"MUG"}"#)
        #expect(order.status == 404)
        #expect(approve.status == 404)
    }
}
