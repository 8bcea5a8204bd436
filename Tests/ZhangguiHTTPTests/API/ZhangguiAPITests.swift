import Foundation
import Testing
import ZhangguiHTTP
import ZhangguiStore

@Suite("the API's first read-only routes answer from the company's books")
struct ZhangguiAPITests {
    @Test("health reports ok and the schema version")
    func health() async throws {
        let shop = try APIShop()

        let answer = try await send("GET", "/api/v1/health", to: shop.server)

        #expect(answer.status == 200)
        #expect(answer.text == #"{"schema":\#(Migrator.latestVersion),"status":"ok"}"#)
    }

    @Test("orders are listed oldest first with amounts in fen")
    func orders() async throws {
        let shop = try APIShop()

        let answer = try await send("GET", "/api/v1/orders?state=pendingReview&limit=1", to: shop.server)

        // One line of 2 mugs at 12.90: 2,580 fen paid.
        #expect(answer.status == 200)
        #expect(
            answer.text
                == #"{"orders":[{"id":1,"isHighPriority":false,"paidFen":2580,"platformOrderID":"A1","splitSeq":0,"#
                + #""state":"pendingReview"}]}"#
        )
    }

    @Test("a state with no orders gives an empty list")
    func noOrders() async throws {
        let shop = try APIShop()

        let answer = try await send("GET", "/api/v1/orders?state=shipped", to: shop.server)

        #expect(answer.text == #"{"orders":[]}"#)
    }

    @Test(
        "a bad state or limit is 400 naming the parameter",
        arguments: [("state=sent", "state"), ("limit=0", "limit"), ("limit=many", "limit"), ("limit=1001", "limit")]
    )
    func badQuery(query: String, field: String) async throws {
        let shop = try APIShop()

        let answer = try await send("GET", "/api/v1/orders?\(query)", to: shop.server)

        #expect(answer.status == 400)
        #expect(try answer.error["code"] as? String == "invalid_query")
        #expect(try answer.error["field"] as? String == field)
    }

    @Test("stock lists each SKU per warehouse with what is available")
    func stock() async throws {
        let shop = try APIShop()

        let all = try await send("GET", "/api/v1/stock", to: shop.server)
        let mugs = try await send("GET", "/api/v1/stock?sku=MUG", to: shop.server)

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
