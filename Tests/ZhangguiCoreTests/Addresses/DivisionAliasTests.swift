import Testing
import ZhangguiCore

@Suite("Old division names")
struct DivisionAliasTests {
    @Test("an alias whose province, city or successor is unknown is set aside and reported")
    func unplacedAliases() {
        let unknownProvince = DivisionAlias(provinceName: "火星省", cityName: "", oldName: "甲市", successorCode: "420600")
        let unknownCity = DivisionAlias(provinceName: "浙江省", cityName: "火星市", oldName: "乙区", successorCode: "330105")
        let unknownSuccessor = DivisionAlias(provinceName: "浙江", cityName: "杭州", oldName: "丙区", successorCode: "330199")
        let otherProvince = DivisionAlias(provinceName: "浙江", cityName: "杭州", oldName: "丁区", successorCode: "110101")
        let districtAsCity = DivisionAlias(provinceName: "浙江", cityName: "", oldName: "戊市", successorCode: "330105")
        let rejected = [unknownProvince, unknownCity, unknownSuccessor, otherProvince, districtAsCity]
        let catalog = DivisionCatalog(divisions: DivisionFixture.divisions, aliases: DivisionFixture.aliases + rejected)
        #expect(catalog.unplacedAliases == rejected)
        #expect(DivisionFixture.catalog.unplacedAliases.isEmpty)
    }

    @Test("when two aliases claim the same old name in one city, the first one wins")
    func firstAliasWins() throws {
        let first = DivisionAlias(provinceName: "浙江", cityName: "杭州", oldName: "江干区", successorCode: "330102")
        let second = DivisionAlias(provinceName: "浙江", cityName: "杭州", oldName: "江干区", successorCode: "330105")
        let catalog = DivisionCatalog(divisions: DivisionFixture.divisions, aliases: [first, second])
        #expect(try catalog.resolve(province: "浙江", city: "杭州", district: "江干区").get().code == "330102")
    }

    @Test("a city alias is recognised by its empty city name")
    func cityAliasShape() {
        #expect(DivisionAlias(provinceName: "湖北", cityName: "", oldName: "襄樊市", successorCode: "420600").isCityAlias)
        #expect(!DivisionAlias(provinceName: "北京", cityName: "北京", oldName: "崇文区", successorCode: "110101").isCityAlias)
    }
}
