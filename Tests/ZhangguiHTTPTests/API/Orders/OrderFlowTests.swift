import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiStore

@Suite("a clerk and a warehouse hand move an order through the API, and the audit log names each step")
struct OrderFlowTests {
    @Test("approve, allocate, waybill, ship: the order ships, the books are clean, and the log has the request ids")
    func ship() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.customerService)
        let warehouse = try await shop.signIn(.warehouse)
        let finance = try await shop.signIn(.finance)
        let order = shop.companyA.tradeIDs[0]

        let approved = try await shop.call(
            "POST",
            "/api/v1/orders/\(order)/approve",
            as: clerk,
            headers: ["X-Request-ID": "approve-1"]
        )
        let allocated = try await shop.call("POST", "/api/v1/fulfilment/allocate", as: warehouse)
        let waybilled = try await shop.call("POST", "/api/v1/fulfilment/waybill", as: warehouse)
        let shipped = try await shop.call("POST", "/api/v1/fulfilment/ship", as: warehouse)
        let detail = try await shop.call("GET", "/api/v1/orders/\(order)", as: clerk)
        let check = try await shop.call("GET", "/api/v1/books/check", as: finance)
        let audit = try await shop.call("GET", "/api/v1/audit?objectType=order&objectId=\(order)", as: finance)

        #expect(approved.text == #"{"id":\#(order),"state":"approved"}"#)
        #expect(allocated.text == #"{"merged":0,"shipments":1,"trades":1}"#)
        #expect(waybilled.text == #"{"shipments":1}"#)
        // 2 mugs at 12.90 VAT included: revenue 2,283 fen net of 13 % VAT; cost 2 × 5.00.
        #expect(
            shipped.text == #"{"costFen":1000,"revenueFen":2283,"shipments":1,"trades":1,"units":2,"unpacked":0}"#
        )
        #expect(try detail.json["state"] as? String == "shipped")
        #expect(try (detail.json["shipment"] as? [String: Any])?["waybill"] != nil)
        #expect(try check.json["isClean"] as? Bool == true)
        let entries = try #require(try audit.json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["order.approve"])
        #expect(entries.first?["requestID"] as? String == "approve-1")
    }

    @Test("hold with a note, release, cancel: each answers the new state; a cancelled order cannot be approved")
    func holdReleaseCancel() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.customerService)
        let order = shop.companyA.tradeIDs[1]

        let held = try await shop.call("POST", "/api/v1/orders/\(order)/hold", as: clerk, json: #"{"note":"买家改地址"}"#)
        let detail = try await shop.call("GET", "/api/v1/orders/\(order)", as: clerk)
        let released = try await shop.call("POST", "/api/v1/orders/\(order)/release", as: clerk)
        let cancelled = try await shop.call("POST", "/api/v1/orders/\(order)/cancel", as: clerk)
        let approveAgain = try await shop.call("POST", "/api/v1/orders/\(order)/approve", as: clerk)

        #expect(held.text == #"{"id":\#(order),"state":"onHold"}"#)
        #expect(try (detail.json["holds"] as? [[String: Any]])?.first?["detail"] as? String == "买家改地址")
        #expect(released.text == #"{"id":\#(order),"state":"pendingReview"}"#)
        #expect(cancelled.text == #"{"id":\#(order),"state":"cancelled"}"#)
        #expect(approveAgain.status == 409)
        #expect(try approveAgain.error["code"] as? String == "conflict")
    }

    @Test("a product file uploaded as a dry run reports each bad row and stores nothing")
    func importDryRun() async throws {
        let shop = try APIShop()
        let warehouse = try await shop.signIn(.warehouse)
        let file = "商家编码,商品名称,吊牌价\nPLATE,盘子,19.90\nBOWL,碗,not money\n"

        let dry = try await shop.call(
            "POST",
            "/api/v1/imports/products?dryRun=true",
            as: warehouse,
            body: Data(file.utf8),
            headers: ["X-File-Name": "新品.csv"]
        )
        let products = try await shop.call("GET", "/api/v1/products", as: warehouse)

        #expect(dry.status == 200)
        #expect(try dry.json["isDryRun"] as? Bool == true)
        #expect(try dry.json["rowsRead"] as? Int == 2)
        let issue = try #require(try (dry.json["issues"] as? [[String: Any]])?.first)
        #expect(issue["file"] as? String == "新品.csv")
        #expect(issue["row"] as? Int == 3)
        #expect(issue["column"] as? String == "吊牌价")
        #expect(!products.text.contains("PLATE"))
    }
}

@Suite("the batch steps of the API take the orders to act on, or every order ready")
struct ChosenOrdersAPITests {
    @Test("allocate, waybill and ship with {\"orderIDs\"} act on that order; a bad list names orderIDs")
    func chosen() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.customerService)
        let warehouse = try await shop.signIn(.warehouse)
        let (first, second) = (shop.companyA.tradeIDs[0], shop.companyA.tradeIDs[1])
        try shop.database.write {
            try $0.execute("UPDATE trades SET receiver_name = '李示例' WHERE id = ?", second)
        }
        for order in [first, second] {
            _ = try await shop.call("POST", "/api/v1/orders/\(order)/approve", as: clerk)
        }
        let body = #"{"orderIDs":[\#(second)]}"#

        let allocated = try await shop.call("POST", "/api/v1/fulfilment/allocate", as: warehouse, json: body)
        let waybilled = try await shop.call("POST", "/api/v1/fulfilment/waybill", as: warehouse, json: body)
        let shipped = try await shop.call("POST", "/api/v1/fulfilment/ship", as: warehouse, json: body)
        let empty = try await shop.call("POST", "/api/v1/fulfilment/ship", as: warehouse, json: #"{"orderIDs":[]}"#)
        let unknown = try await shop.call("POST", "/api/v1/fulfilment/ship", as: warehouse, json: #"{"ids":[1]}"#)
        let rest = try await shop.call("POST", "/api/v1/fulfilment/allocate", as: warehouse)
        let states = try [first, second].map { order in
            try shop.database.read { try APIQueries($0).stateOfTrade(order, companyID: shop.companyA.id) }
        }

        #expect(allocated.text == #"{"merged":0,"shipments":1,"trades":1}"#)
        #expect(waybilled.text == #"{"shipments":1}"#)
        #expect(try shipped.json["trades"] as? Int == 1)
        #expect(empty.status == 400 && empty.text.contains("orderIDs"))
        #expect(unknown.status == 400)
        #expect(rest.text == #"{"merged":0,"shipments":1,"trades":1}"#)
        #expect(states == ["allocated", "shipped"])
    }
}
