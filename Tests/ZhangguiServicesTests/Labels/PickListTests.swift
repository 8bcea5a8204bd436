import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Picking lists group by location and SKU, with totals and the orders each SKU goes to")
struct PickListTests {
    @Test("3 orders: A × (2 + 1) at A-10, B × 4 at A-2; B comes first, A totals 3 for T1 and T3", arguments: Engine.all)
    func groupsAndTotals(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        try shop.labels.setLocation("A-10", skuCode: "A", warehouseCode: "MAIN", companyID: shop.companyID)
        try shop.labels.setLocation("A-2", skuCode: "B", warehouseCode: "MAIN", companyID: shop.companyID)
        try shop.ingest([
            makeTrade("T1", lines: [("A", 2, 5000)], receiver: "甲示例"),
            makeTrade("T2", lines: [("B", 4, 5000)], receiver: "乙示例"),
            makeTrade("T3", lines: [("A", 1, 5000)], receiver: "丙示例"),
        ])
        try shop.waybill()

        let list = try shop.labels.pickList(.unprinted, companyID: shop.companyID)

        #expect(list.orderCount == 3)
        #expect(list.units == 7)
        #expect(list.sections.map(\.warehouseCode) == ["MAIN"])
        let entries = list.sections[0].entries
        #expect(entries.map(\.skuCode) == ["B", "A"])
        #expect(entries.map(\.location.code) == ["A-2", "A-10"])
        #expect(entries.map(\.total) == [4, 3])
        #expect(entries[1].orders.map(\.orderNumber) == ["T1", "T3"])
        #expect(entries[1].orders.map(\.quantity) == [2, 1])
        let pdf = try shop.labels.renderPickList(.unprinted, companyID: shop.companyID, title: "待打印")
        let text = try PDFTools.pageTexts(pdf).joined().filter { !$0.isWhitespace }
        #expect(text.contains("拣货单待打印"))
        #expect(text.contains("A-2B") && text.contains("T2(4)"))
        #expect(text.contains("A-10A") && text.contains("T1(2),T3(1)"))
    }

    @Test("a combo is picked as its parts", arguments: Engine.all)
    func comboParts(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        try shop.database.write { connection in
            let records = CatalogRecords(connection)
            let combo = try records.insert(
                SKU(code: "AB", name: "组合", listPrice: Money(fen: 2000)),
                isCombo: true,
                companyID: shop.companyID
            )
            try records.setComponents([(1, 1), (2, 2)], comboID: combo ?? 0, companyID: shop.companyID)
        }
        try shop.ingest([makeTrade("T1", lines: [("AB", 3, 5000)])])
        try shop.waybill()

        let entries = try shop.labels.pickList(.unprinted, companyID: shop.companyID).sections.flatMap(\.entries)

        #expect(entries.map(\.skuCode) == ["A", "B"])
        #expect(entries.map(\.total) == [3, 6])
    }

    @Test("locations from a file are stored all or none; the bad row is named", arguments: Engine.all)
    func locationsAllOrNone(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        let rows: [(row: Int, skuCode: String, location: String)] = [(2, "A", "A-01"), (3, "C", "B-02")]

        #expect(throws: LabelError(code: .badSetting, detail: "locations.csv row 3: there is no SKU C")) {
            try shop.labels.setLocations(
                rows,
                warehouseCode: "MAIN",
                companyID: shop.companyID,
                source: "locations.csv"
            )
        }
        #expect(try shop.count("SELECT COUNT(*) FROM bin_locations") == 0)

        try shop.labels.setLocations(
            [(2, "A", "A-01"), (3, "B", " B-02 ")],
            warehouseCode: "MAIN",
            companyID: shop.companyID,
            source: "locations.csv"
        )
        #expect(try shop.count("SELECT COUNT(*) FROM bin_locations WHERE location IN ('A-01', 'B-02')") == 2)
        #expect(throws: LabelError(code: .badSetting, detail: "a bin location is 1 to 32 characters, not '  '")) {
            try shop.labels.setLocation("  ", skuCode: "A", warehouseCode: "MAIN", companyID: shop.companyID)
        }
        #expect(throws: LabelError(code: .badSetting, detail: "there is no warehouse XX")) {
            try shop.labels.setLocation("A-1", skuCode: "A", warehouseCode: "XX", companyID: shop.companyID)
        }
    }
}
