import Testing
import ZhangguiAdapters
import ZhangguiCore

@Suite("Division tables shipped with the product")
struct DivisionTablesTests {
    /// An address as a real order carries it, and the code looked up by hand in `cn_divisions_pcd_2025.csv`.
    struct Known: Sendable, CustomTestStringConvertible {
        let province: String
        let city: String
        let district: String
        let code: String

        init(_ province: String, _ city: String, _ district: String, _ code: String) {
            self.province = province
            self.city = city
            self.district = district
            self.code = code
        }

        var testDescription: String { "\(province) / \(city) / \(district) → \(code)" }
    }

    @Test(
        "real orders' addresses resolve to the code a person looks up by hand",
        arguments: [
            Known("北京", "北京市", "朝阳区", "110105"),
            Known("北京市", "市辖区", "东城区", "110101"),
            Known("北京", "北京", "崇文区", "110101"),
            Known("上海", "上海市", "闸北区", "310106"),
            Known("广东省", "东莞市", "", "441900"),
            Known("湖北省", "仙桃市", "", "429004"),
            Known("湖北省", "省直辖县级行政区划", "仙桃市", "429004"),
            Known("广西", "南宁", "青秀区", "450103"),
            Known("河北省", "雄安新区", "容城县", "130629"),
            Known("重庆市", "县", "城口县", "500229"),
            Known("重庆", "重庆市", "渝中区", "500103"),
            Known("贵州省", "黔东南", "凯里市", "522601"),
            Known("内蒙古", "呼和浩特", "新城区", "150102"),
            Known("新疆", "乌鲁木齐", "天山区", "650102"),
            Known("宁夏", "银川市", "兴庆区", "640104"),
            Known("香港特别行政区", "香港岛", "中西区", "810101"),
            Known("香港", "", "湾仔区", "810107"),
            Known("澳门", "澳门半岛", "大堂区", "820006"),
            Known("台湾", "台北市", "中正区", "710107"),
            Known("台湾省", "宜兰县", "宜兰市", "719005"),
            Known("甘肃省", "嘉峪关市", "", "620200"),
            Known("海南省", "儋州市", "那大镇", "460400"),
            Known("湖北省", "襄樊市", "樊城区", "420606"),
            Known("吉林省", "四平市", "公主岭市", "220184"),
            Known("江西省", "九江市", "庐山区", "360402"),
            Known("江西省", "九江市", "庐山市", "360483"),
            Known("山东省", "莱芜市", "莱城区", "370116"),
            Known("　浙江省 ", " 杭州市", "西湖区　", "330106"),
        ]
    )
    func knownAddresses(_ known: Known) throws {
        let catalog = try ReferenceData.catalog.get()
        let resolved = catalog.resolve(province: known.province, city: known.city, district: known.district)
        #expect((try? resolved.get().code) == known.code)
    }

    @Test(
        "addresses that mix up places are refused with the field to fix",
        arguments: [
            (("浙江省", "杭州市", "朝阳区"), AddressProblem.Code.districtNotInCity),
            (("浙江省", "南京市", "玄武区"), .cityNotInProvince),
            (("", "", ""), .missingProvince),
            (("火星省", "火星市", "火星区"), .unknownProvince),
            (("广东省", "深圳市", ""), .missingDistrict),
            (("湖北省", "仙桃市", "潜江市"), .districtNotInCity),
        ]
    )
    func refusedAddresses(_ address: (String, String, String), _ code: AddressProblem.Code) throws {
        let catalog = try ReferenceData.catalog.get()
        let resolved = catalog.resolve(province: address.0, city: address.1, district: address.2)
        let problem: AddressProblem? = if case .failure(let problem) = resolved { problem } else { nil }
        #expect(problem?.code == code)
    }

    @Test("雄安新区's counties keep their 保定 codes")
    func xiongan() throws {
        let catalog = try ReferenceData.catalog.get()
        let resolved = try catalog.resolve(province: "河北", city: "雄安新区", district: "雄县").get()
        #expect(resolved == ResolvedDivision(provinceCode: "130000", cityCode: "130600", districtCode: "130638"))
        #expect(try catalog.resolve(province: "河北", city: "雄安新区", district: "").get().code == "133100")
    }

    @Test("重庆 江北区 and 渝北区, missing from the 2025 table, come from NBS 2022")
    func nbsSupplements() throws {
        let catalog = try ReferenceData.catalog.get()
        #expect(
            catalog.division(code: "500105")
                == Division(code: "500105", name: "江北区", level: .district, parentCode: "500100")
        )
        #expect(try catalog.resolve(province: "重庆", city: "重庆", district: "渝北区").get().code == "500112")
        // 3,429 rows in the 2025 table plus these two.
        #expect(catalog.count == 3_431)
    }

    @Test("every old name, compiled by the project or taken from NBS, finds its place")
    func everyAliasPlaced() throws {
        #expect(try ReferenceData.catalog.get().unplacedAliases.isEmpty)
    }

    @Test("an NBS name of a 2025 division, and an NBS development zone, resolve")
    func nbsNames() throws {
        let catalog = try ReferenceData.catalog.get()
        #expect(try catalog.resolve(province: "青海", city: "海西州", district: "大柴旦行政委员会").get().code == "632857")
        let zone = try catalog.resolve(province: "河北", city: "石家庄", district: "石家庄高新技术产业开发区").get()
        #expect(zone == ResolvedDivision(provinceCode: "130000", cityCode: "130100", districtCode: nil))
    }
}
