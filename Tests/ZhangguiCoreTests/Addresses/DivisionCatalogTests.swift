import Testing
import ZhangguiCore

@Suite("Resolving the 省/市/区 of an order")
struct DivisionCatalogTests {
    private let catalog = DivisionFixture.catalog

    private func code(_ province: String, _ city: String, _ district: String) -> String? {
        try? catalog.resolve(province: province, city: city, district: district).get().code
    }

    @Test(
        "names match in full or in the short form orders use",
        arguments: [
            AddressCase("广西壮族自治区", "南宁市", "青秀区", "450103"),
            AddressCase("广西", "南宁", "青秀", "450103"),
            AddressCase("广西省", "南宁市", "青秀区", "450103"),
            AddressCase("贵州", "黔东南", "凯里市", "522601"),
            AddressCase("贵州省", "黔东南州", "凯里", "522601"),
            AddressCase("新疆", "伊犁州", "伊宁市", "654002"),
            AddressCase("新疆维吾尔族自治区", "伊犁哈萨克自治州", "伊宁市", "654002"),
        ]
    )
    func shortForms(_ address: AddressCase) {
        #expect(code(address.province, address.city, address.district) == address.expected)
    }

    @Test("spaces around or inside a name, full-width ones too, are ignored")
    func whitespace() {
        #expect(code("　北京 ", "北京　市", " 朝阳区\t") == "110105")
    }

    @Test(
        "a municipality's city may be its own name, 市辖区, 县 or nothing",
        arguments: ["北京市", "北京", "市辖区", "县", ""]
    )
    func municipalityCityForms(_ city: String) {
        #expect(code("北京", city, "朝阳区") == "110105")
    }

    @Test("a 重庆 county resolves under the city row that holds the counties")
    func chongqingCounty() throws {
        let county = try catalog.resolve(province: "重庆市", city: "县", district: "城口县").get()
        #expect(county == ResolvedDivision(provinceCode: "500000", cityCode: "500200", districtCode: "500229"))
        let district = try catalog.resolve(province: "重庆", city: "重庆市", district: "渝中区").get()
        #expect(district == ResolvedDivision(provinceCode: "500000", cityCode: "500100", districtCode: "500103"))
    }

    @Test("a municipality's district written in the city field still resolves")
    func municipalityDistrictAsCity() {
        #expect(code("北京", "朝阳区", "") == "110105")
        #expect(code("北京", "朝阳区", "朝阳区") == "110105")
    }

    @Test(
        "a county governed by its province stands as the city, or under 省直辖县级行政区划",
        arguments: [("仙桃市", ""), ("仙桃", ""), ("省直辖县级行政区划", "仙桃市"), ("仙桃市", "仙桃市"), ("仙桃市", "郑场镇")]
    )
    func directCounty(_ city: String, _ district: String) throws {
        let resolved = try catalog.resolve(province: "湖北省", city: city, district: district).get()
        #expect(resolved == ResolvedDivision(provinceCode: "420000", cityCode: "429004", districtCode: nil))
    }

    @Test("a city without districts takes an empty district or a town in it")
    func cityWithoutDistricts() {
        #expect(code("广东省", "东莞市", "") == "441900")
        #expect(code("广东", "东莞", "虎门镇") == "441900")
    }

    @Test("香港 districts resolve with or without the region name as city")
    func hongKong() throws {
        let expected = ResolvedDivision(provinceCode: "810000", cityCode: "810101", districtCode: nil)
        #expect(try catalog.resolve(province: "香港", city: "香港岛", district: "中西区").get() == expected)
        #expect(try catalog.resolve(province: "香港特别行政区", city: "", district: "中西区").get() == expected)
        #expect(code("香港", "香港特别行政区", "湾仔区") == "810107")
    }

    @Test("an abolished district resolves to its successor under the successor's city")
    func districtAlias() throws {
        let resolved = try catalog.resolve(province: "北京", city: "北京", district: "崇文区").get()
        #expect(resolved == ResolvedDivision(provinceCode: "110000", cityCode: "110100", districtCode: "110101"))
        #expect(code("浙江省", "杭州市", "下城区") == "330105")
    }

    @Test("a renamed city resolves to its successor")
    func cityAlias() {
        #expect(code("湖北省", "襄樊市", "樊城区") == "420606")
    }

    @Test("an alias never hides a current name")
    func currentNameWins() {
        #expect(code("浙江省", "杭州市", "上城区") == "330102")
    }

    @Test("a short form shared by two districts matches neither, the full names still do")
    func ambiguousShortForm() {
        #expect(code("新疆", "和田地区", "和田市") == "653201")
        #expect(code("新疆", "和田地区", "和田县") == "653221")
        #expect(
            catalog.resolve(province: "新疆", city: "和田地区", district: "和田")
                == .failure(problem(.unknownDistrict, "district", "和田"))
        )
    }

    @Test("the catalog counts its divisions and finds them by code")
    func lookupByCode() {
        #expect(catalog.count == DivisionFixture.divisions.count)
        #expect(catalog.division(code: "429004")?.name == "仙桃市")
        #expect(catalog.division(code: "429004")?.parentCode == "420000")
        #expect(catalog.division(code: "999999") == nil)
    }

    private func problem(_ code: AddressProblem.Code, _ field: String, _ value: String) -> AddressProblem {
        AddressProblem(code: code, field: field, value: value)
    }
}
