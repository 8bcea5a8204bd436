import Testing
import ZhangguiCore

/// Choosing a courier: rules by priority, then the shop's default, then the company's — worked by hand.
@Suite struct CourierRuleBookTests {
    /// 10: 广东省 up to 3 kg → zto; 20: orders from 500 yuan → sf; shop 7 defaults to yto-cainiao; company sf.
    static let book = CourierRuleBook(
        rules: [
            CourierRule(priority: 20, name: "贵重走顺丰", accountCode: "sf", minimumValueFen: 50_000),
            CourierRule(
                priority: 10,
                name: "广东小件",
                accountCode: "zto",
                provinces: ["广东省"],
                maximumWeightGrams: 3000
            ),
        ],
        shopDefaults: [7: "yto-cainiao"],
        companyDefault: "sf-economy"
    )

    static func parcel(_ province: String, grams: Int64, fen: Int64, shop: Int64 = 1) -> ParcelFacts {
        ParcelFacts(province: province, city: "", shopID: shop, weightGrams: grams, valueFen: fen)
    }

    @Test("a 2 kg parcel to 广东省 worth 600 yuan matches both rules; priority 10 wins")
    func priorityWins() {
        let choice = Self.book.choose(for: Self.parcel("广东省", grams: 2000, fen: 60_000))
        #expect(choice == CourierChoice(accountCode: "zto", reason: "rule 10 广东小件: province 广东省, weight ≤ 3000 g"))
    }

    @Test("at exactly 3000 g the weight bound still holds; at 3001 g the value rule takes it")
    func inclusiveBounds() {
        #expect(Self.book.choose(for: Self.parcel("广东省", grams: 3000, fen: 100))?.accountCode == "zto")
        #expect(Self.book.choose(for: Self.parcel("广东省", grams: 3001, fen: 50_000))?.accountCode == "sf")
    }

    @Test("no rule holds: the shop's default, else the company's")
    func defaults() {
        let fromShop7 = Self.book.choose(for: Self.parcel("北京市", grams: 500, fen: 100, shop: 7))
        #expect(fromShop7 == CourierChoice(accountCode: "yto-cainiao", reason: "default of shop 7"))
        let fromShop1 = Self.book.choose(for: Self.parcel("北京市", grams: 500, fen: 100))
        #expect(fromShop1 == CourierChoice(accountCode: "sf-economy", reason: "company default"))
    }

    @Test("with no rule and no default the parcel waits")
    func none() {
        #expect(CourierRuleBook().choose(for: Self.parcel("北京市", grams: 1, fen: 1)) == nil)
    }
}
