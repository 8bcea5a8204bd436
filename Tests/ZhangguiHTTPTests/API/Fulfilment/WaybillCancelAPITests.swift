import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiStore

@Suite("a warehouse hand cancels a parcel's waybill through the API")
struct WaybillCancelAPITests {
    @Test("an offline-range number is voided and audited; the parcel takes the next number; another company sees 404")
    func cancelOfflineNumber() async throws {
        let shop = try APIShop()
        let clerk = try await shop.signIn(.customerService)
        let warehouse = try await shop.signIn(.warehouse)
        let order = shop.companyA.tradeIDs[0]
        _ = try await shop.call("POST", "/api/v1/orders/\(order)/approve", as: clerk)
        _ = try await shop.call("POST", "/api/v1/fulfilment/allocate", as: warehouse)
        _ = try await shop.call("POST", "/api/v1/fulfilment/waybill", as: warehouse)
        let shipment = try shop.database.read { connection in
            try connection.queryOne("SELECT shipment_id FROM trades WHERE id = ?", order)!.int(0)
        }
        let path = "/api/v1/shipments/\(shipment)/waybill/cancel"

        let cancelled = try await shop.call("POST", path, as: warehouse)
        let again = try await shop.call("POST", path, as: warehouse)
        _ = try await shop.call("POST", "/api/v1/fulfilment/waybill", as: warehouse)

        // The company's range starts at ZG000000000001; the voided number is not given out again.
        #expect(cancelled.text == #"{"shipment":\#(shipment),"toldCourier":false,"waybill":"ZG000000000001"}"#)
        #expect(again.status == 409)
        let number = try shop.database.read { connection in
            try connection.queryOne("SELECT waybill_no FROM shipments WHERE id = ?", shipment)!.string(0)
        }
        #expect(number == "ZG000000000002")
        let audited = try shop.database.read { connection in
            try connection.queryOne(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'fulfilment.waybill.cancel' AND object_id = ?",
                String(shipment)
            )!.int(0)
        }
        #expect(audited == 1)
    }
}
