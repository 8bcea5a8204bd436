import ZhangguiCore

/// What the NBS 2022 county table (统计用区划代码) adds to the 2025 primary table.
///
/// For each NBS county-level row:
/// - its code is in the primary table under another name (大柴旦行政委员会 / 大柴旦行政区): the NBS name becomes an
///   alias of that code;
/// - its code is missing but a division of the same name sits in the same city: an alias of that division;
/// - its code is missing, is a regular county code (last two digits not 70–79), its city is divided into districts
///   in the primary table, and the name is not the city's own: the row is added as a district. This restores
///   重庆 江北区 `500105` and 渝北区 `500112`, which the 2025 table lacks;
/// - otherwise (NBS functional zones such as 石家庄高新技术产业开发区 `130171`, 三沙 西沙群岛): an alias of the
///   nearest existing parent, the city. Rows whose city is missing too are dropped.
struct NBSDivisionNames: Sendable {
    /// One county-level row of the NBS table.
    struct County: Sendable, Hashable {
        let code: String
        let name: String
        /// The four-digit NBS city code (`1101` for 北京 市辖区).
        let cityPrefix: String
    }

    /// Districts the primary table lacks.
    private(set) var supplements: [Division] = []
    /// Names that lead to a division of the primary table.
    private(set) var aliases: [DivisionAlias] = []

    private let primary: [String: Division]
    private let citiesWithDistricts: Set<String>
    private let districtCodesByCityAndName: [String: String]

    /// Compares the NBS counties with the primary table.
    init(primary divisions: [Division], counties: [County]) {
        primary = Dictionary(divisions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let districts = divisions.filter { $0.level == .district }
        citiesWithDistricts = Set(districts.compactMap(\.parentCode))
        districtCodesByCityAndName = Dictionary(
            districts.compactMap { division in division.parentCode.map { ("\($0)/\(division.name)", division.code) } },
            uniquingKeysWith: { first, _ in first }
        )
        for county in counties {
            add(county)
        }
    }

    /// The last two digits 70–79 mark NBS functional zones (开发区, 管理区) rather than GB/T 2260 counties.
    private static func isFunctionalZone(_ code: String) -> Bool {
        code.dropFirst(4).first == "7"
    }

    private mutating func add(_ county: County) {
        let cityCode = county.cityPrefix + "00"
        if let current = existingDivision(for: county, cityCode: cityCode) {
            if current.name != county.name { appendAlias(county.name, successor: current) }
            return
        }
        guard let city = primary[cityCode], city.level == .city else { return }
        if !Self.isFunctionalZone(county.code), citiesWithDistricts.contains(cityCode), county.name != city.name {
            supplements.append(Division(code: county.code, name: county.name, level: .district, parentCode: cityCode))
        } else {
            appendAlias(county.name, successor: city)
        }
    }

    /// The primary table's division with the county's code, or with its name in the same city.
    private func existingDivision(for county: County, cityCode: String) -> Division? {
        if let division = primary[county.code] { return division }
        return districtCodesByCityAndName["\(cityCode)/\(county.name)"].flatMap { primary[$0] }
    }

    /// An alias placed where the successor is: under the successor's city (a functional zone sits under the city it
    /// resolves to), or as a city alias when the successor is a county governed directly by its province.
    private mutating func appendAlias(_ name: String, successor: Division) {
        guard let parent = successor.parentCode.flatMap({ primary[$0] }) else { return }
        let province = parent.level == .province ? parent : parent.parentCode.flatMap { primary[$0] }
        guard let province else { return }
        let isUnderCity = successor.level == .district && parent.level == .city
        let cityName = isUnderCity ? parent.name : successor.level == .city ? successor.name : ""
        aliases.append(
            DivisionAlias(provinceName: province.name, cityName: cityName, oldName: name, successorCode: successor.code)
        )
    }
}
