import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP

@Suite("a warehouse hand packs a parcel through the API, scan by scan")
struct PackingAPITests {
    @Test("two MUG scans complete the parcel, a CUP is extra, a third MUG too many; finishing with 640 g packs it")
    func pack() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.customerService)
        let warehouse = try await shop.signIn(.warehouse)
        let order = shop.companyA.tradeIDs[0]
        _ = try await shop.call("POST", "/api/v1/orders/\(order)/approve", as: clerk)
        _ = try await shop.call("POST", "/api/v1/fulfilment/allocate", as: warehouse)
        _ = try await shop.call("POST", "/api/v1/fulfilment/waybill", as: warehouse)
        let detail = try await shop.call("GET", "/api/v1/orders/\(order)", as: clerk)
        let waybill = try #require(try (detail.json["shipment"] as? [String: Any])?["waybill"] as? String)
        let scan = "/api/v1/packing/\(waybill)/scan"
        let finish = "/api/v1/packing/\(waybill)/finish"

        let first = try await shop.call("POST", scan, as: warehouse, json: #"{"barcode":"MUG"}"#)
        let extra = try await shop.call("POST", scan, as: warehouse, json: #"{"barcode":"CUP"}"#)
        let early = try await shop.call("POST", finish, as: warehouse, json: #"{"weightGrams":640}"#)
        let second = try await shop.call("POST", scan, as: warehouse, json: #"{"barcode":"MUG"}"#)
        let third = try await shop.call("POST", scan, as: warehouse, json: #"{"barcode":"MUG"}"#)
        let packed = try await shop.call("POST", finish, as: warehouse, json: #"{"weightGrams":640}"#)
        let again = try await shop.call("POST", scan, as: warehouse, json: #"{"barcode":"MUG"}"#)
        let unknown = try await shop.call(
            "POST",
            "/api/v1/packing/NOPE1/scan",
            as: warehouse,
            json: #"{"barcode":"MUG"}"#
        )

        let line = #"{"scanned":1,"sku":"MUG","wanted":2}"#
        #expect(first.text == #"{"barcode":"MUG","isComplete":false,"lines":[\#(line)],"outcome":"accepted"}"#)
        #expect(try extra.json["outcome"] as? String == "extra")
        #expect(early.status == 409)
        #expect(try early.error["message"] as? String == "parcel \(waybill) is not complete: MUG: wanted 2, scanned 1")
        #expect(try second.json["isComplete"] as? Bool == true)
        #expect(try third.json["outcome"] as? String == "tooMany")
        #expect(packed.status == 200)
        #expect(try packed.json["weightGrams"] as? Int == 640)
        #expect(again.status == 409)
        #expect(unknown.status == 404)
    }
}
