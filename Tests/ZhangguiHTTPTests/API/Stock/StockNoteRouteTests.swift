import Foundation
import Synchronization
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiStore

@Suite("a warehouse hand posts receipts and issues through the API")
struct StockNoteRouteTests {
    static let receipt =
        #"{"reason":"purchase","reference":"送货单 88","lines":[{"warehouse":"MAIN","sku":"MUG","quantity":8,"#
        + #""unitCostFen":650}]}"#

    @Test("a receipt at 6.50 joins 12 mugs at 5.00: an issue of 5 then costs 5 × 112.00 ÷ 20 = 28.00")
    func receiveThenIssue() async throws {
        let shop = try APIShop()
        let hand = try await shop.signIn(.warehouse)
        let admin = try await shop.signIn(.admin)

        let received = try await shop.call("POST", "/api/v1/stock/receipts", as: hand, json: Self.receipt)
        let issued = try await shop.call(
            "POST",
            "/api/v1/stock/issues",
            as: hand,
            json: #"{"reason":"damaged","memo":"摔碎","lines":[{"warehouse":"MAIN","sku":"MUG","quantity":5}]}"#
        )
        let list = try await shop.call("GET", "/api/v1/stock/issues", as: hand)
        let one = try await shop.call("GET", "/api/v1/stock/receipts/RK-000001", as: hand)
        let stock = try await shop.call("GET", "/api/v1/stock?sku=MUG", as: hand)
        let check = try await shop.call("GET", "/api/v1/books/check", as: admin)
        let audit = try await shop.call("GET", "/api/v1/audit?objectType=stockNote&objectId=CK-000001", as: admin)

        #expect(received.status == 201)
        let receivedJSON = try received.json
        #expect(receivedJSON["number"] as? String == "RK-000001")
        #expect(receivedJSON["totalFen"] as? Int == 5200)
        #expect(receivedJSON["reference"] as? String == "送货单 88")
        #expect(issued.status == 201)
        #expect(try issued.json["totalFen"] as? Int == 2800)
        #expect(try (list.json["issues"] as? [[String: Any]])?.map { $0["number"] as? String } == ["CK-000001"])
        #expect(one.text == received.text)
        #expect(stock.text.contains(#""available":15"#))
        #expect(try check.json["isClean"] as? Bool == true)
        let entries = try #require(try audit.json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["stock.issue"])
    }

    @Test("an issue beyond what is available is 409 naming SKU, warehouse, wanted and available")
    func shortage() async throws {
        let shop = try APIShop()
        let hand = try await shop.signIn(.warehouse)

        let answer = try await shop.call(
            "POST",
            "/api/v1/stock/issues",
            as: hand,
            json: #"{"reason":"sample","lines":[{"warehouse":"MAIN","sku":"CUP","quantity":4}]}"#
        )
        let list = try await shop.call("GET", "/api/v1/stock/issues", as: hand)

        #expect(answer.status == 409)
        #expect(try answer.error["code"] as? String == "insufficient_stock")
        #expect(try answer.error["field"] as? String == "lines[0].quantity")
        #expect(
            try answer.error["message"] as? String
                == "not enough stock: SKU CUP in warehouse MAIN: 4 wanted, 3 available"
        )
        #expect(list.text == #"{"issues":[]}"#)
    }

    @Test(
        "bad documents are 400 naming the field",
        arguments: [
            (#"{"reason":"purchase","lines":[]}"#, "invalid_value", "lines"),
            (#"{"reason":"damaged","lines":[]}"#, "invalid_value", "reason"),
            (
                #"{"reason":"purchase","lines":[{"warehouse":"MAIN","sku":"MUG","quantity":1}]}"#, "invalid_value",
                "lines[0].unitCostFen"
            ),
            (
                #"{"reason":"purchase","lines":[{"warehouse":"X","sku":"MUG","quantity":1,"unitCostFen":1}]}"#,
                "invalid_value", "lines[0].warehouse"
            ),
            (
                #"{"reason":"purchase","lines":[{"warehouse":"MAIN","sku":"MUG","qty":1}]}"#, "unknown_field",
                "lines[0].qty"
            ),
        ]
    )
    func badDocuments(body: String, code: String, field: String) async throws {
        let shop = try APIShop()
        let hand = try await shop.signIn(.warehouse)

        let answer = try await shop.call("POST", "/api/v1/stock/receipts", as: hand, json: body)

        #expect(answer.status == 400)
        #expect(try answer.error["code"] as? String == code)
        #expect(try answer.error["field"] as? String == field)
    }

    @Test("a hand scoped to another warehouse cannot post into MAIN, nor see its documents")
    func scope() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)
        try await #require(shop.call("POST", "/api/v1/stock/receipts", as: admin, json: Self.receipt).status == 201)
        let accounts = AccountService(database: shop.database)
        let now = Int64(Date().timeIntervalSince1970)
        let principal = try accounts.validateSession(try #require(admin.sessionToken), now: now)
        let handID = try #require(shop.companyA.userIDs[.warehouse])
        try accounts.setScope(DataScope(shops: .all, warehouses: .only([])), forUser: handID, by: principal, now: now)
        let hand = try await shop.signIn(.warehouse)

        let post = try await shop.call("POST", "/api/v1/stock/receipts", as: hand, json: Self.receipt)
        let list = try await shop.call("GET", "/api/v1/stock/receipts", as: hand)
        let one = try await shop.call("GET", "/api/v1/stock/receipts/RK-000001", as: hand)

        #expect(post.status == 400)
        #expect(try post.error["field"] as? String == "lines[0].warehouse")
        #expect(list.text == #"{"receipts":[]}"#)
        #expect(one.status == 404)
    }
}

/// A database whose writes fail as PostgreSQL's do once every retry lost to other writers.
final class BusyDatabase: Database, Sendable {
    let inner: any Database
    let isBusy = Atomic<Bool>(false)

    init(_ inner: any Database) {
        self.inner = inner
    }

    var dialect: SQLDialect { inner.dialect }

    func write<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        guard !isBusy.load(ordering: .relaxed) else {
            throw DatabaseError(kind: .busy, engineCode: "40001", message: "could not serialize access")
        }
        return try inner.write(body)
    }

    func read<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        try inner.read(body)
    }
}

@Suite("a database busy after every retry is a 503 the client may retry")
struct BusyDatabaseTests {
    @Test("a write that keeps losing answers 503 database_busy with Retry-After, and changes nothing")
    func busy() async throws {
        nonisolated(unsafe) var busy: BusyDatabase?
        let shop = try APIShop { database in
            let wrapper = BusyDatabase(database)
            busy = wrapper
            return wrapper
        }
        let hand = try await shop.signIn(.warehouse)
        try #require(busy).isBusy.store(true, ordering: .relaxed)

        let answer = try await shop.call("POST", "/api/v1/stock/receipts", as: hand, json: StockNoteRouteTests.receipt)
        try #require(busy).isBusy.store(false, ordering: .relaxed)
        let list = try await shop.call("GET", "/api/v1/stock/receipts", as: hand)

        #expect(answer.status == 503)
        #expect(try answer.error["code"] as? String == "database_busy")
        #expect(answer.header("Retry-After") == "1")
        #expect(list.text == #"{"receipts":[]}"#)
    }
}
