import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP

@Suite("customer service splits, merges and unmerges orders through the API; each change is audited")
struct SplitMergeRouteTests {
    @Test("1 of an order's 2 mugs split off: 201 with the part; the books stay clean; the log names the request")
    func split() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.customerService)
        let finance = try await shop.signIn(.finance)
        let order = shop.companyA.tradeIDs[0]

        let answer = try await shop.call(
            "POST",
            "/api/v1/orders/\(order)/split",
            as: clerk,
            json: #"{"lines":[{"lineNo":1,"quantity":1}]}"#,
            headers: ["X-Request-ID": "split-1"]
        )
        let part = try #require(try answer.json["part"] as? [String: Any])
        let partID = try #require(part["id"] as? Int64)
        let detail = try await shop.call("GET", "/api/v1/orders/\(partID)", as: clerk)
        let check = try await shop.call("GET", "/api/v1/books/check", as: finance)
        let audit = try await shop.call("GET", "/api/v1/audit?objectType=order&objectId=\(order)", as: finance)

        #expect(answer.status == 201)
        #expect(
            answer.text == #"{"id":\#(order),"part":{"id":\#(partID),"splitSeq":1,"state":"pendingReview"},"#
                + #""state":"pendingReview"}"#
        )
        // 2 mugs at 12.90: each keeps one at 1,290 fen.
        #expect(try (detail.json["lines"] as? [[String: Any]])?.first?["netFen"] as? Int == 1290)
        #expect(try (detail.json["lines"] as? [[String: Any]])?.first?["discountFen"] as? Int == 0)
        #expect(try check.json["isClean"] as? Bool == true)
        let entries = try #require(try audit.json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["order.split"])
        #expect(entries.first?["requestID"] as? String == "split-1")
    }

    @Test("a bad split is 400 naming the field, a shipped-state refusal 409, another company's order 404")
    func badSplits() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.customerService)
        let order = shop.companyA.tradeIDs[0]
        let cases: [(String, String)] = [
            (#"{"lines":[{"lineNo":7}]}"#, "lines[0].lineNo"),
            (#"{"lines":[{"lineNo":1,"quantity":0}]}"#, "lines[0].quantity"),
            (#"{"lines":[{"lineNo":1,"quantity":3}]}"#, "lines[0].quantity"),
            (#"{"lines":[{"lineNo":1}]}"#, "lines"),
            (#"{"lines":[{"lineNo":1,"units":1}]}"#, "lines[0].units"),
        ]

        for (body, field) in cases {
            let answer = try await shop.call("POST", "/api/v1/orders/\(order)/split", as: clerk, json: body)
            #expect(answer.status == 400, "\(body)")
            #expect(try answer.error["field"] as? String == field, "\(body)")
        }
        let foreign = try await shop.call(
            "POST",
            "/api/v1/orders/\(shop.companyB.tradeIDs[0])/split",
            as: clerk,
            json: #"{"lines":[{"lineNo":1,"quantity":1}]}"#
        )
        _ = try await shop.call("POST", "/api/v1/orders/\(order)/cancel", as: clerk)
        let cancelled = try await shop.call(
            "POST",
            "/api/v1/orders/\(order)/split",
            as: clerk,
            json: #"{"lines":[{"lineNo":1,"quantity":1}]}"#
        )

        #expect(foreign.status == 404)
        #expect(cancelled.status == 409)
        #expect(try cancelled.error["code"] as? String == "conflict")
        let orders = try await shop.call("GET", "/api/v1/orders", as: clerk)
        #expect(try (orders.json["orders"] as? [Any])?.count == 2)
    }

    @Test("two approved orders merge into one parcel and unmerge into two; another company's order is 404")
    func mergeAndUnmerge() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.customerService)
        let finance = try await shop.signIn(.finance)
        let (first, second) = (shop.companyA.tradeIDs[0], shop.companyA.tradeIDs[1])
        for order in [first, second] { _ = try await shop.call("POST", "/api/v1/orders/\(order)/approve", as: clerk) }

        let foreign = try await shop.call(
            "POST",
            "/api/v1/orders/merge",
            as: clerk,
            json: #"{"orders":[\#(first),\#(shop.companyB.tradeIDs[0])]}"#
        )
        let merged = try await shop.call(
            "POST",
            "/api/v1/orders/merge",
            as: clerk,
            json: #"{"orders":[\#(first),\#(second)]}"#
        )
        let unmerged = try await shop.call("POST", "/api/v1/orders/\(second)/unmerge", as: clerk)
        let again = try await shop.call("POST", "/api/v1/orders/\(second)/unmerge", as: clerk)
        let check = try await shop.call("GET", "/api/v1/books/check", as: finance)

        #expect(foreign.status == 404)
        #expect(try foreign.error["field"] as? String == "orders[1]")
        #expect(merged.status == 200)
        let parcels = try #require(try merged.json["parcels"] as? [[String: Any]])
        #expect(Set(parcels.compactMap { $0["shipmentID"] as? Int64 }).count == 1)
        let apart = try #require(try unmerged.json["parcels"] as? [[String: Any]])
        #expect(apart.compactMap { $0["id"] as? Int64 } == [first, second])
        #expect(Set(apart.compactMap { $0["shipmentID"] as? Int64 }).count == 2)
        #expect(again.status == 409)
        #expect(try check.json["isClean"] as? Bool == true)
    }
}
