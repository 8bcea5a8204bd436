import Testing
import ZhangguiCore

/// A small hand-made catalog with one example of every shape the rules care about.
enum DivisionFixture {
    static let divisions: [Division] = provinces + cities + districts

    static let catalog = DivisionCatalog(divisions: divisions, aliases: aliases)

    private static let provinces: [Division] = [
        province("110000", "北京市"), province("330000", "浙江省"), province("420000", "湖北省"),
        province("440000", "广东省"), province("450000", "广西壮族自治区"), province("500000", "重庆市"),
        province("520000", "贵州省"), province("650000", "新疆维吾尔自治区"), province("810000", "香港特别行政区"),
    ]

    private static let cities: [Division] = [
        city("110100", "北京市", in: "110000"), city("330100", "杭州市", in: "330000"),
        city("420100", "武汉市", in: "420000"), city("420600", "襄阳市", in: "420000"),
        city("440300", "深圳市", in: "440000"), city("441900", "东莞市", in: "440000"),
        city("450100", "南宁市", in: "450000"), city("500100", "重庆市", in: "500000"),
        city("500200", "重庆市", in: "500000"), city("522600", "黔东南苗族侗族自治州", in: "520000"),
        city("653200", "和田地区", in: "650000"), city("654000", "伊犁哈萨克自治州", in: "650000"),
    ]

    private static let districts: [Division] = [
        district("110101", "东城区", in: "110100"), district("110105", "朝阳区", in: "110100"),
        district("330102", "上城区", in: "330100"), district("330105", "拱墅区", in: "330100"),
        district("420102", "江岸区", in: "420100"), district("420606", "樊城区", in: "420600"),
        district("429004", "仙桃市", in: "420000"), district("429005", "潜江市", in: "420000"),
        district("440305", "南山区", in: "440300"), district("450103", "青秀区", in: "450100"),
        district("500103", "渝中区", in: "500100"), district("500229", "城口县", in: "500200"),
        district("522601", "凯里市", in: "522600"), district("653201", "和田市", in: "653200"),
        district("653221", "和田县", in: "653200"), district("654002", "伊宁市", in: "654000"),
        district("810101", "中西区", in: "810000"), district("810107", "湾仔区", in: "810000"),
    ]

    static let aliases: [DivisionAlias] = [
        DivisionAlias(provinceName: "北京", cityName: "北京市", oldName: "崇文区", successorCode: "110101"),
        DivisionAlias(provinceName: "浙江省", cityName: "杭州", oldName: "下城区", successorCode: "330105"),
        DivisionAlias(provinceName: "浙江省", cityName: "杭州市", oldName: "上城区", successorCode: "330105"),
        DivisionAlias(provinceName: "湖北省", cityName: "", oldName: "襄樊市", successorCode: "420600"),
    ]

    private static func province(_ code: String, _ name: String) -> Division {
        Division(code: code, name: name, level: .province, parentCode: nil)
    }

    private static func city(_ code: String, _ name: String, in parent: String) -> Division {
        Division(code: code, name: name, level: .city, parentCode: parent)
    }

    private static func district(_ code: String, _ name: String, in parent: String) -> Division {
        Division(code: code, name: name, level: .district, parentCode: parent)
    }
}

/// One address as an order carries it, with the code a person looked up by hand.
struct AddressCase: Sendable, CustomTestStringConvertible {
    let province: String
    let city: String
    let district: String
    let expected: String

    init(_ province: String, _ city: String, _ district: String, _ expected: String) {
        self.province = province
        self.city = city
        self.district = district
        self.expected = expected
    }

    var testDescription: String { "\(province) / \(city) / \(district) → \(expected)" }
}
