import Testing
import ZhangguiCore

@Suite("Telling the clerk what is wrong with an address")
struct AddressProblemTests {
    private let catalog = DivisionFixture.catalog

    /// An address and the problem a clerk should see.
    struct ProblemCase: Sendable, CustomTestStringConvertible {
        let address: (String, String, String)
        let code: AddressProblem.Code
        let field: String
        let value: String

        var testDescription: String { "\(address.0) / \(address.1) / \(address.2) → \(code.rawValue)" }
    }

    @Test(
        "each wrong field is named with the reason",
        arguments: [
            ProblemCase(address: ("", "", ""), code: .missingProvince, field: "province", value: ""),
            ProblemCase(address: ("火星省", "", ""), code: .unknownProvince, field: "province", value: "火星省"),
            ProblemCase(address: ("广东省", "", "南山区"), code: .missingCity, field: "city", value: ""),
            ProblemCase(address: ("广东省", "火星市", "南山区"), code: .unknownCity, field: "city", value: "火星市"),
            ProblemCase(address: ("浙江省", "南宁市", "青秀区"), code: .cityNotInProvince, field: "city", value: "南宁市"),
            ProblemCase(address: ("北京", "杭州市", "上城区"), code: .cityNotInProvince, field: "city", value: "杭州市"),
            ProblemCase(address: ("广东省", "深圳市", ""), code: .missingDistrict, field: "district", value: ""),
            ProblemCase(address: ("北京市", "北京市", ""), code: .missingDistrict, field: "district", value: ""),
            ProblemCase(address: ("广东省", "深圳市", "火星区"), code: .unknownDistrict, field: "district", value: "火星区"),
            ProblemCase(address: ("浙江省", "杭州市", "朝阳区"), code: .districtNotInCity, field: "district", value: "朝阳区"),
            ProblemCase(address: ("北京", "北京", "渝中区"), code: .districtNotInCity, field: "district", value: "渝中区"),
            ProblemCase(address: ("湖北", "仙桃市", "潜江市"), code: .districtNotInCity, field: "district", value: "潜江市"),
            ProblemCase(
                address: ("湖北", "省直辖县级行政区划", "武汉市"),
                code: .districtNotInCity,
                field: "district",
                value: "武汉市"
            ),
            ProblemCase(address: ("湖北", "省直辖县级行政区划", ""), code: .missingDistrict, field: "district", value: ""),
            ProblemCase(address: ("浙江省", "", ""), code: .missingCity, field: "city", value: ""),
        ]
    )
    func problems(_ example: ProblemCase) {
        let (province, city, district) = example.address
        let expected = AddressProblem(code: example.code, field: example.field, value: example.value)
        #expect(catalog.resolve(province: province, city: city, district: district) == .failure(expected))
    }

    @Test("the message quotes the refused name; the description, which may be logged, does not")
    func messageAndDescription() {
        let problem = AddressProblem(code: .districtNotInCity, field: "district", value: "朝阳区")
        #expect(problem.message == "'朝阳区' is a district of another city")
        #expect(problem.messageID == "address.districtNotInCity")
        #expect(problem.description == "AddressProblem(districtNotInCity, field: district)")
    }

    @Test("a long text in a field, likely a street address, stays out of the message")
    func longValueNotQuoted() {
        let street = "示例路100号示例大厦8楼801室请放快递柜谢谢"
        let problem = AddressProblem(code: .unknownDistrict, field: "district", value: street)
        #expect(problem.message == "the district given is not a district of this city")
    }
}
