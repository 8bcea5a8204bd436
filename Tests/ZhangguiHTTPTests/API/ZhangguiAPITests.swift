import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiStore

@Suite("the API's read routes answer from the signed-in user's company")
struct ZhangguiAPITests {
    @Test("health reports ok and the schema version without signing in")
    func health() async throws {
        let shop = try APIShop()

        let answer = try await shop.call("GET", "/api/v1/health")

        #expect(answer.status == 200)
        #expect(answer.text == #"{"schema":\#(Migrator.latestVersion),"status":"ok"}"#)
    }

    @Test("orders are listed by id with amounts in fen, a page at a time")
    func orders() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.customerService)
        let first = shop.companyA.tradeIDs[0]
        let second = shop.companyA.tradeIDs[1]

        let page = try await shop.call("GET", "/api/v1/orders?state=pendingReview&limit=1", as: clerk)
        let next = try await shop.call("GET", "/api/v1/orders?limit=1&cursor=\(first)", as: clerk)
        let newest = try await shop.call("GET", "/api/v1/orders?sort=-id&limit=1", as: clerk)

        // One line of 2 mugs at 12.90: 2,580 fen paid.
        #expect(page.status == 200)
        #expect(
            page.text
                == #"{"next":"\#(first)","orders":[{"id":\#(first),"isHighPriority":false,"paidFen":2580,"#
                + #""platformOrderID":"A1","shop":"SHOP","splitSeq":0,"state":"pendingReview"}]}"#
        )
        #expect(try (next.json["orders"] as? [[String: Any]])?.first?["platformOrderID"] as? String == "A2")
        #expect(try (newest.json["orders"] as? [[String: Any]])?.first?["id"] as? Int64 == second)
    }

    @Test("a state with no orders gives an empty list and no next cursor")
    func noOrders() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.finance)

        let answer = try await shop.call("GET", "/api/v1/orders?state=shipped", as: clerk)

        #expect(answer.text == #"{"orders":[]}"#)
    }

    @Test(
        "a bad state, shop, cursor, sort or limit is 400 naming the parameter",
        arguments: [
            ("state=sent", "state"), ("limit=0", "limit"), ("limit=many", "limit"), ("limit=1001", "limit"),
            ("cursor=-1", "cursor"), ("sort=name", "sort"), ("shop=%01", "shop"),
        ]
    )
    func badQuery(query: String, field: String) async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.finance)

        let answer = try await shop.call("GET", "/api/v1/orders?\(query)", as: clerk)

        #expect(answer.status == 400)
        #expect(try answer.error["code"] as? String == "invalid_query")
        #expect(try answer.error["field"] as? String == field)
    }

    @Test("stock lists each SKU per warehouse with what is available, only the company's own")
    func stock() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.warehouse)

        let all = try await shop.call("GET", "/api/v1/stock", as: clerk)
        let mugs = try await shop.call("GET", "/api/v1/stock?sku=MUG", as: clerk)

        // Orders waiting for review reserve nothing yet: available equals on hand.
        #expect(
            all.text
                == #"{"stock":[{"available":3,"frozen":0,"onHand":3,"reserved":0,"sku":"CUP","warehouse":"MAIN"},"#
                + #"{"available":12,"frozen":0,"onHand":12,"reserved":0,"sku":"MUG","warehouse":"MAIN"}]}"#
        )
        #expect(
            mugs.text
                == #"{"stock":[{"available":12,"frozen":0,"onHand":12,"reserved":0,"sku":"MUG","warehouse":"MAIN"}]}"#
        )
    }
}
