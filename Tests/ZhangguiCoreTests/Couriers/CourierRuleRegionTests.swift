import Foundation
import Testing
import ZhangguiCore

/// Courier rules name regions as divisions: the names typed are resolved when the rule is saved, and parcels match
/// by the division code review stored, however the order spelled the names. Codes from the fixture's tables.
@Suite struct CourierRuleRegionTests {
    static func rule(provinces: Set<String> = [], cities: Set<String> = []) throws -> CourierRule {
        try CourierRule(priority: 1, name: "rule 1", accountCode: "zto", provinces: provinces, cities: cities)
            .resolvingRegions(in: DivisionFixture.catalog)
    }

    static func parcel(_ province: String, _ city: String, code: String?) -> ParcelFacts {
        ParcelFacts(province: province, city: city, divisionCode: code, shopID: 1, weightGrams: 100, valueFen: 100)
    }

    @Test("a short province name resolves to the division; orders match by code whatever their spelling")
    func shortProvinceName() throws {
        let guangdong = try Self.rule(provinces: ["广东"])

        #expect(guangdong.provinces == ["广东省"] && guangdong.provinceCodePrefixes == ["44"])
        #expect(guangdong.admits(Self.parcel("广东", "深圳", code: "440305")))
        #expect(guangdong.admits(Self.parcel("广东省", "深圳市", code: "440305")))
        #expect(!guangdong.admits(Self.parcel("广东省", "深圳市", code: nil)))
        #expect(!guangdong.admits(Self.parcel("北京", "北京市", code: "110105")))
    }

    @Test("a municipality's full name matches an order stored with its short name")
    func municipality() throws {
        let beijing = try Self.rule(provinces: ["北京市"])
        let beijingAsCity = try Self.rule(cities: ["北京"])

        #expect(beijing.admits(Self.parcel("北京", "北京", code: "110105")))
        #expect(beijingAsCity.cities == ["北京市"] && beijingAsCity.cityCodePrefixes == ["11"])
        #expect(beijingAsCity.admits(Self.parcel("北京", "", code: "110101")))
    }

    @Test("a city is found alone or in the rule's province; a county its province governs stands for itself")
    func cities() throws {
        let shenzhen = try Self.rule(cities: ["深圳"])
        let xiantao = try Self.rule(provinces: ["湖北"], cities: ["仙桃"])

        #expect(shenzhen.cityCodePrefixes == ["4403"] && shenzhen.admits(Self.parcel("", "", code: "440305")))
        #expect(!shenzhen.admits(Self.parcel("广东省", "东莞市", code: "441900")))
        #expect(xiantao.cityCodePrefixes == ["429004"] && xiantao.admits(Self.parcel("", "", code: "429004")))
        #expect(!xiantao.admits(Self.parcel("湖北省", "潜江市", code: "429005")))
    }

    @Test("a name no division has is refused, naming the field")
    func unknownNames() {
        #expect(throws: AddressProblem(code: .unknownProvince, field: "province", value: "广东x")) {
            _ = try Self.rule(provinces: ["广东x"])
        }
        #expect(throws: AddressProblem(code: .unknownCity, field: "city", value: "深圳")) {
            _ = try Self.rule(provinces: ["浙江"], cities: ["深圳"])
        }
    }

    @Test("a rule stored before regions were resolved still matches by the names on the trade")
    func storedRuleWithNamesOnly() throws {
        let json = #"{"priority":5,"name":"旧规则","accountCode":"sf","provinces":["广东省"],"cities":[],"shopIDs":[]}"#
        let rule = try JSONDecoder().decode(CourierRule.self, from: Data(json.utf8))

        #expect(rule.provinceCodePrefixes.isEmpty)
        #expect(rule.admits(Self.parcel("广东省", "", code: "440305")))
        #expect(!rule.admits(Self.parcel("广东", "", code: "440305")))
    }

    @Test("bounds no parcel fits are named; a rule named only by its priority is not named twice")
    func boundsAndTitle() {
        let heavy = CourierRule(
            priority: 30,
            name: "rule 30",
            accountCode: "zto",
            minimumWeightGrams: 5000,
            maximumWeightGrams: 100
        )
        let dear = CourierRule(priority: 31, name: "贵", accountCode: "sf", minimumValueFen: 900, maximumValueFen: 10)
        let exact = CourierRule(priority: 32, name: "x", accountCode: "sf", minimumValueFen: 10, maximumValueFen: 10)

        #expect(heavy.boundsProblem == "--min-grams 5000 is above --max-grams 100: no parcel fits")
        #expect(dear.boundsProblem == "--min-fen 900 is above --max-fen 10: no order fits")
        #expect(exact.boundsProblem == nil)
        #expect(heavy.title == "rule 30" && dear.title == "rule 31 贵")
        let book = CourierRuleBook(rules: [CourierRule(priority: 30, name: "rule 30", accountCode: "zto")])
        #expect(book.choose(for: Self.parcel("", "", code: nil))?.reason == "rule 30: every parcel")
    }
}
