import Testing
import ZhangguiServices
import ZhangguiTestSupport

@Suite("Cancelling a waybill names what is wrong")
struct WaybillCancelTests {
    @Test("a shipment that does not exist is said not to exist", arguments: Engine.all)
    func unknownShipment(engine: Engine) throws {
        let shop = try TestShop(engine)
        let couriers = CourierWaybillService(
            database: shop.database,
            accounts: CourierAccounts(database: shop.database, box: nil),
            makeClient: { _, _, _ in throw CourierError(code: .unreachable, courierCode: "", detail: "no network") }
        )

        #expect(throws: CourierError(code: .notCancellable, courierCode: "", detail: "shipment 99 does not exist")) {
            try couriers.cancelWaybill(shipmentID: 99, companyID: shop.companyID)
        }
    }
}
