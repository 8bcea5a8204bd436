import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Waybill number ranges")
struct WaybillRangeTests {
    @Test(
        "each courier's range shows its next number and how many are left, and waybilling moves it on",
        arguments: Engine.all
    )
    func rangesShowWhatIsLeft(engine: Engine) throws {
        let shop = try TestShop(engine)
        try shop.setup.setWaybillRange(
            courierCode: "SF",
            prefix: "SF",
            first: 100,
            last: 199,
            companyID: shop.companyID
        )

        let fresh = try ranges(shop)
        #expect(fresh.map(\.courierCode) == ["SF", "ZG"])
        #expect(fresh.map(\.nextNumber) == [100, 1])
        #expect(fresh.map(\.lastNumber) == [199, 999_999])
        // 100 … 199 is 100 numbers; 1 … 999,999 is 999,999.
        #expect(fresh.map(\.remaining) == [100, 999_999])

        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 10)
        try shop.ingest([makeTrade("T1", lines: [("A", 1, 1000)])])
        _ = try shop.runMainJob()

        let used = try ranges(shop)
        #expect(used.map(\.nextNumber) == [100, 2])
        #expect(used.map(\.remaining) == [100, 999_998])
    }

    private func ranges(_ shop: TestShop) throws -> [WaybillRange] {
        try shop.database.read { try FulfilmentRecords($0).waybillRanges(companyID: shop.companyID) }
    }
}
