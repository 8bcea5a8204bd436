import Testing
import ZhangguiCore

@Suite("Warehouse regions")
struct WarehouseRegionTests {
    @Test(
        "a region is a division-code prefix: a province, city or district code",
        arguments: ["31", "3301", "310101", "110"]
    )
    func validRegions(region: String) {
        #expect(Warehouse.isValidRegion(region))
    }

    @Test(
        "anything else is not a region",
        arguments: ["", "3", "3101011", "3x", "上海", "３１", " 31", "31 ", "-31"]
    )
    func invalidRegions(region: String) {
        #expect(!Warehouse.isValidRegion(region))
    }
}
