import Foundation
import Testing
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices

@Suite("the warehouse prints labels and picking lists over the API, as PDF, each reprint in the audit log")
struct LabelRouteTests {
    @Test("POST /labels gives batch 1 as a PDF; GET /labels?batch=1 prints it again and the log names the waybill")
    func printAndReprint() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.customerService)
        let warehouse = try await shop.signIn(.warehouse)
        let finance = try await shop.signIn(.finance)
        let sender = Sender(
            name: "示例仓",
            phone: "021-55550000",
            province: "上海",
            city: "上海市",
            district: "闵行区",
            address: "示例工业路8号"
        )
        try LabelService(database: shop.database, renderer: PDFLabelRenderer())
            .setSender(sender, warehouseCode: "MAIN", companyID: shop.companyA.id)
        let order = shop.companyA.tradeIDs[0]
        _ = try await shop.call("POST", "/api/v1/orders/\(order)/approve", as: clerk)
        _ = try await shop.call("POST", "/api/v1/fulfilment/allocate", as: warehouse)
        _ = try await shop.call("POST", "/api/v1/fulfilment/waybill", as: warehouse)

        let first = try await shop.call("POST", "/api/v1/labels", as: warehouse)
        let again = try await shop.call("GET", "/api/v1/labels?batch=1", as: warehouse)
        let none = try await shop.call("POST", "/api/v1/labels", as: warehouse)
        let missing = try await shop.call("GET", "/api/v1/labels?batch=2", as: warehouse)
        let pick = try await shop.call("GET", "/api/v1/picklist?batch=1", as: warehouse)
        let refused = try await shop.call("GET", "/api/v1/labels?batch=1", as: clerk)
        let audit = try await shop.call("GET", "/api/v1/audit?objectType=waybill&objectId=ZG000000000001", as: finance)

        #expect(first.status == 200)
        #expect(first.header("Content-Type") == "application/pdf")
        #expect(first.header("X-Print-Batch") == "1")
        #expect(first.text.hasPrefix("%PDF-"))
        #expect(again.status == 200 && again.text.hasPrefix("%PDF-"))
        #expect(none.status == 409)
        #expect(missing.status == 404)
        #expect(pick.status == 200 && pick.header("Content-Type") == "application/pdf")
        #expect(refused.status == 403)
        let entries = try #require(try audit.json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["label.reprint"])
    }
}
