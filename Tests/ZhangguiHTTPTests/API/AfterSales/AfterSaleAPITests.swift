import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiStore

@Suite("tracking and after-sales through the API, checked and audited")
struct AfterSaleAPITests {
    /// Ships company A's first order (MUG ×2 at 12.90) and returns its id and waybill.
    static func shipped(_ shop: APIShop) async throws -> (Int64, String) {
        let clerk = try await shop.signIn(.customerService)
        let warehouse = try await shop.signIn(.warehouse)
        let order = shop.companyA.tradeIDs[0]
        _ = try await shop.call("POST", "/api/v1/orders/\(order)/approve", as: clerk)
        _ = try await shop.call("POST", "/api/v1/fulfilment/allocate", as: warehouse)
        _ = try await shop.call("POST", "/api/v1/fulfilment/waybill", as: warehouse)
        _ = try await shop.call("POST", "/api/v1/fulfilment/ship", as: warehouse)
        let detail = try await shop.call("GET", "/api/v1/orders/\(order)", as: clerk)
        let waybill = try #require(try (detail.json["shipment"] as? [String: Any])?["waybill"] as? String)
        return (order, waybill)
    }

    @Test("events are recorded once, a bad status is 400 naming its field, and the order shows delivered")
    func tracking() async throws {
        let shop = try APIShop()
        let (order, waybill) = try await Self.shipped(shop)
        let warehouse = try await shop.signIn(.warehouse)
        let event = { (status: String, at: Int) in
            #"{"courier":"ZG","waybill":"\#(waybill)","occurredAt":\#(at),"status":"\#(status)","action":"x"}"#
        }
        let bad = try await shop.call(
            "POST",
            "/api/v1/tracking/events",
            as: warehouse,
            json: #"{"events":[\#(event("flying", 100))]}"#
        )
        let body = #"{"events":[\#(event("collected", 100)),\#(event("delivered", 900))]}"#
        let first = try await shop.call("POST", "/api/v1/tracking/events", as: warehouse, json: body)
        let again = try await shop.call("POST", "/api/v1/tracking/events", as: warehouse, json: body)
        let shown = try await shop.call("GET", "/api/v1/orders/\(order)/tracking", as: warehouse)

        #expect(bad.status == 400)
        #expect(try bad.error["field"] as? String == "events[0].status")
        #expect(try first.json["recorded"] as? Int == 2)
        #expect(try first.json["tradesDelivered"] as? Int == 1)
        #expect(try again.json["duplicates"] as? Int == 2)
        #expect(try shown.json["deliveredAt"] as? Int == 900)
        let parcels = try #require(try shown.json["parcels"] as? [[String: Any]])
        #expect(parcels.map { $0["status"] as? String } == ["delivered"])
        #expect((parcels.first?["events"] as? [[String: Any]])?.count == 2)
    }

    @Test("a return of one MUG: opened, refused a refund before agreeing (409), received defective, refunded")
    func returnOne() async throws {
        let shop = try APIShop()
        let (order, _) = try await Self.shipped(shop)
        let clerk = try await shop.signIn(.customerService)
        let opened = try await shop.call(
            "POST",
            "/api/v1/after-sales",
            as: clerk,
            json: #"{"orderID":\#(order),"kind":"returnAndRefund","lines":[{"lineNo":1,"quantity":1}]}"#
        )
        let id = try #require(try opened.json["id"] as? Int)
        let path = "/api/v1/after-sales/\(id)"
        let early = try await shop.call("POST", path + "/transition", as: clerk, json: #"{"action":"refund"}"#)
        _ = try await shop.call("POST", path + "/transition", as: clerk, json: #"{"action":"agree"}"#)
        let foreign = try await shop.call(
            "POST",
            path + "/receive",
            as: clerk,
            json: #"{"lines":[{"lineNo":5,"condition":"defective"}]}"#
        )
        let twice = try await shop.call(
            "POST",
            path + "/receive",
            as: clerk,
            json: #"{"lines":[{"lineNo":1,"condition":"defective"},{"lineNo":1,"condition":"sellable"}]}"#
        )
        let received = try await shop.call(
            "POST",
            path + "/receive",
            as: clerk,
            json: #"{"lines":[{"lineNo":1,"condition":"defective"}]}"#
        )
        let refunded = try await shop.call("POST", path + "/transition", as: clerk, json: #"{"action":"refund"}"#)
        let actions = try shop.database.read { connection in
            try connection.query(
                "SELECT action FROM audit_log WHERE object_type = 'afterSale' AND object_id = ? ORDER BY id",
                String(id)
            ).map { $0.string(0) }
        }

        #expect(opened.status == 201)
        #expect(try opened.json["refundFen"] as? Int == 1290)
        #expect(try opened.json["actions"] as? [String] == ["agree", "refuse", "cancel"])
        #expect(early.status == 409)
        #expect(try (early.error["message"] as? String)?.contains("in state requested") == true)
        #expect(foreign.status == 400)
        #expect(try foreign.error["field"] as? String == "lines[0].lineNo")
        #expect(try foreign.error["message"] as? String == "line 5 is not in this case; it covers line 1")
        #expect(twice.status == 400)
        #expect(try twice.error["field"] as? String == "lines[1].lineNo")
        #expect(try twice.error["message"] as? String == "line 1 is named twice; give each line one condition")
        #expect(try (received.json["lines"] as? [[String: Any]])?.first?["condition"] as? String == "defective")
        #expect(try refunded.json["state"] as? String == "refunded")
        #expect(actions == ["afterSale.open", "afterSale.agree", "afterSale.receive", "afterSale.refund"])
    }
}
