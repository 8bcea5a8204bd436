import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiStore

@Suite("a user sees only the shops and warehouses of their data scope")
struct DataScopeTests {
    /// Gives the user of `role` in company A the scope `scope`, as A's admin.
    private func scope(_ role: BuiltInRole, to scope: DataScope, in shop: APIShop) throws {
        let accounts = AccountService(database: shop.database)
        let now = Int64(Date().timeIntervalSince1970)
        let attempt = SignInAttempt(email: "admin@a.example", password: APIShop.password, address: "")
        let admin = try accounts.validateSession(try accounts.signIn(attempt, now: now).sessionToken, now: now)
        let userID = try #require(shop.companyA.userIDs[role])
        try accounts.setScope(scope, forUser: userID, by: admin, now: now)
    }

    @Test("with no shop and no warehouse in scope, lists are empty and an order's or product's id is not found")
    func closedScope() async throws {
        let shop = try APIShop()
        try scope(.customerService, to: DataScope(shops: .only([]), warehouses: .only([])), in: shop)
        let clerk = try await shop.signIn(.customerService)

        let orders = try await shop.call("GET", "/api/v1/orders", as: clerk)
        let stock = try await shop.call("GET", "/api/v1/stock", as: clerk)
        let products = try await shop.call("GET", "/api/v1/products", as: clerk)
        let product = try await shop.call("GET", "/api/v1/products/\(shop.companyA.productIDs[0])", as: clerk)
        let ledger = try await shop.call("GET", "/api/v1/stock/MUG/ledger", as: clerk)
        let order = try await shop.call("GET", "/api/v1/orders/\(shop.companyA.tradeIDs[0])", as: clerk)
        let approve = try await shop.call("POST", "/api/v1/orders/\(shop.companyA.tradeIDs[0])/approve", as: clerk)

        #expect(orders.text == #"{"orders":[]}"#)
        #expect(stock.text == #"{"stock":[]}"#)
        #expect(products.text == #"{"products":[]}"#)
        #expect(product.status == 404)
        #expect(ledger.status == 404)
        #expect(order.status == 404)
        #expect(approve.status == 404)
    }

    @Test("scoped to warehouse MAIN, a user sees MAIN's stock, products and ledger, not SOUTH's")
    func warehouseScope() async throws {
        let shop = try APIShop()
        let companyID = shop.companyA.id
        let southID = try CompanySetup(database: shop.database)
            .addWarehouse(Warehouse(code: "SOUTH", name: "华南仓", priority: 2), companyID: companyID)
        try shop.database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            var report = ImportReport(kind: "products", file: "test")
            let tea = SKU(code: "TEA", name: "TEA", listPrice: Money(fen: 1000))
            let draft = ProductDraft(row: 2, sku: tea)
            try CatalogService().add([draft], into: &report, companyID: companyID, connection: connection)
            let line = OpeningStockLine(
                row: 2,
                warehouseCode: "SOUTH",
                skuCode: "TEA",
                quantity: 4,
                unitCost: Money(fen: 500)
            )
            try OpeningStockService().receive([line], into: &report, context: context, connection: connection)
        }
        let mainID = try #require(
            try shop.database.read { try CompanyRecords($0).warehouses(companyID: companyID) }
                .first { $0.id != southID }?.id
        )
        try scope(.warehouse, to: DataScope(shops: .all, warehouses: .only([mainID])), in: shop)
        let hand = try await shop.signIn(.warehouse)
        let admin = try await shop.signIn(.admin)

        let stock = try await shop.call("GET", "/api/v1/stock", as: hand).json["stock"] as? [[String: Any]]
        let products = try await shop.call("GET", "/api/v1/products", as: hand).json["products"] as? [[String: Any]]
        let everything = try await shop.call("GET", "/api/v1/products", as: admin).json["products"] as? [[String: Any]]
        let teaLedger = try await shop.call("GET", "/api/v1/stock/TEA/ledger", as: hand)
        let mugLedger = try await shop.call("GET", "/api/v1/stock/MUG/ledger", as: hand)

        #expect(stock?.map { $0["warehouse"] as? String } == ["MAIN", "MAIN"])
        #expect(products?.map { $0["code"] as? String } == ["MUG", "CUP"])
        #expect(everything?.map { $0["code"] as? String } == ["MUG", "CUP", "TEA"])
        #expect(teaLedger.status == 404)
        #expect(mugLedger.status == 200)
    }

    @Test("the batch steps of a user with no shop in scope pass over every order")
    func batchStepsInScope() async throws {
        let shop = try APIShop()
        try scope(.warehouse, to: DataScope(shops: .only([]), warehouses: .all), in: shop)
        let hand = try await shop.signIn(.warehouse)
        let admin = try await shop.signIn(.admin)
        _ = try await shop.call("POST", "/api/v1/orders/\(shop.companyA.tradeIDs[0])/approve", as: admin)

        let scoped = try await shop.call("POST", "/api/v1/fulfilment/allocate", as: hand)
        let unscoped = try await shop.call("POST", "/api/v1/fulfilment/allocate", as: admin)

        #expect(scoped.text == #"{"merged":0,"shipments":0,"trades":0}"#)
        #expect(unscoped.text == #"{"merged":0,"shipments":1,"trades":1}"#)
    }
}
