import Testing
import ZhangguiCore

@Suite("Label rules: phone masks, address lines, sizes, walking order")
struct LabelRulesTests {
    @Test(
        "a phone shows only what a privacy label shows",
        arguments: [
            ("13812345678", "138****5678"), ("+86 138 1234 5678", "*********5678"), ("021-55550000", "*******0000"),
            ("1234", "****"),
        ]
    )
    func maskedPhone(phone: String, shown: String) {
        #expect(LabelText.maskedPhone(phone) == shown)
    }

    @Test("a municipality's province and city are shown once, empty parts are left out")
    func addressLine() {
        #expect(LabelText.join("上海", "上海市", "黄浦区", "示例路1号") == "上海市 黄浦区 示例路1号")
        #expect(LabelText.join("浙江省", "杭州市", "", " 文三路90号 ") == "浙江省 杭州市 文三路90号")
    }

    @Test("sizes are read as WIDTHxHEIGHT and only the three thermal sizes exist")
    func sizes() {
        #expect(LabelSize("76x130") == .small)
        #expect(LabelSize("100×150") == .medium)
        #expect(LabelSize("100x180") == .large)
        #expect(LabelSize("100x100") == nil)
        #expect(LabelSize("A6") == nil)
        #expect(CourierLabelFormat.of("zto").size == .small)
        #expect(CourierLabelFormat.of("SF") == CourierLabelFormat.of("sf"))
        #expect(CourierLabelFormat.of("ZG").name == "ZG 离线单号")
    }

    @Test("locations walk A-2, A-10, B-01-3, B-1-10, then SKUs without one")
    func walkingOrder() {
        let shuffled = ["B-1-10", "", "A-10", "B-01-3", "A-2"].map(BinLocation.init)

        #expect(shuffled.sorted().map(\.code) == ["A-2", "A-10", "B-01-3", "B-1-10", ""])
    }

    @Test("a picking list adds up each SKU per location and lists its orders")
    func pickListTotals() {
        let requests = [
            PickRequest(
                warehouseCode: "SH",
                location: .init("A-2"),
                skuCode: "A",
                skuName: "甲",
                quantity: 2,
                orderNumber: "T2"
            ),
            PickRequest(
                warehouseCode: "SH",
                location: .init("A-2"),
                skuCode: "A",
                skuName: "甲",
                quantity: 1,
                orderNumber: "T1"
            ),
            PickRequest(
                warehouseCode: "SH",
                location: .init("A-2"),
                skuCode: "A",
                skuName: "甲",
                quantity: 3,
                orderNumber: "T2"
            ),
            PickRequest(
                warehouseCode: "BJ",
                location: .init(""),
                skuCode: "B",
                skuName: "乙",
                quantity: 4,
                orderNumber: "T3"
            ),
        ]

        let list = PickList(requests)

        #expect(list.sections.map(\.warehouseCode) == ["BJ", "SH"])
        #expect(list.units == 10)
        #expect(list.orderCount == 3)
        let entry = list.sections[1].entries[0]
        #expect(entry.total == 6)
        #expect(entry.orders.map(\.orderNumber) == ["T1", "T2"])
        #expect(entry.orders.map(\.quantity) == [1, 5])
    }
}
