/// The lookup tables a ``DivisionCatalog`` answers from, built once so that resolving an address is a handful of
/// dictionary lookups.
///
/// Districts are grouped by scope: their city, except in a municipality (北京, 天津, 上海, 重庆), where all districts
/// of the province form one scope because orders rarely say which of its city rows they mean.
struct DivisionIndexes: Sendable {
    var divisionsByCode: [String: Division] = [:]
    var provinces = DivisionNameIndex()
    /// Per province: its cities and the county-level divisions it governs directly (省直辖县), which play the
    /// city's part in an address.
    var citiesByProvince: [String: DivisionNameIndex] = [:]
    var districtsByScope: [String: DivisionNameIndex] = [:]
    var municipalities: Set<String> = []
    var provincesWithCities: Set<String> = []
    var provincesWithDirectCounties: Set<String> = []
    /// Scopes with at least one current county-level division; aliases do not count.
    var scopesWithDistricts: Set<String> = []
    /// Full and short names of every city and district anywhere, to tell "in another place" from "unknown".
    var cityNamesEverywhere: Set<String> = []
    var districtNamesEverywhere: Set<String> = []
    var unplacedAliases: [DivisionAlias] = []

    init(divisions: [Division], aliases: [DivisionAlias]) {
        for division in divisions where divisionsByCode[division.code] == nil {
            divisionsByCode[division.code] = division
        }
        municipalities = Self.municipalities(in: divisions)
        for division in divisions where divisionsByCode[division.code] == division {
            place(division)
        }
        placeAliases(aliases)
    }

    /// City aliases go first, so that a district alias may name its city by an old name (莱芜市 → 济南市).
    /// Unplaced aliases are listed in their given order.
    private mutating func placeAliases(_ aliases: [DivisionAlias]) {
        var unplaced: Set<Int> = []
        for index in aliases.indices where aliases[index].isCityAlias && !place(aliases[index]) {
            unplaced.insert(index)
        }
        for index in aliases.indices where !aliases[index].isCityAlias && !place(aliases[index]) {
            unplaced.insert(index)
        }
        unplacedAliases = aliases.indices.filter(unplaced.contains).map { aliases[$0] }
    }

    /// Provinces whose city rows all carry the province's own name (北京市 / 北京市).
    private static func municipalities(in divisions: [Division]) -> Set<String> {
        let provinceNames = Dictionary(
            divisions.filter { $0.level == .province }.map { ($0.code, $0.name) },
            uniquingKeysWith: { first, _ in first }
        )
        var cityNamesByProvince: [String: Set<String>] = [:]
        for city in divisions where city.level == .city {
            guard let parent = city.parentCode else { continue }
            cityNamesByProvince[parent, default: []].insert(city.name)
        }
        let matching = cityNamesByProvince.filter { code, names in
            provinceNames[code].map { names == [$0] } ?? false
        }
        return Set(matching.keys)
    }

    /// The scope a city's districts are grouped under: the city, or its province when that is a municipality.
    func scope(ofCity cityCode: String) -> String {
        guard let parent = divisionsByCode[cityCode]?.parentCode, municipalities.contains(parent) else {
            return cityCode
        }
        return parent
    }

    /// Whether the code is a county-level division governed directly by its province.
    func isDirectCounty(_ code: String) -> Bool {
        guard let division = divisionsByCode[code], division.level == .district, let parent = division.parentCode
        else { return false }
        return divisionsByCode[parent]?.level == .province
    }

    private mutating func place(_ division: Division) {
        guard let parent = division.parentCode else {
            if division.level == .province {
                provinces.add(name: division.name, code: division.code, standing: .current)
            }
            return
        }
        guard let parentLevel = divisionsByCode[parent]?.level else { return }
        switch (division.level, parentLevel) {
        case (.city, .province):
            provincesWithCities.insert(parent)
            addCity(division.name, code: division.code, province: parent, standing: .current)
        case (.district, .province):
            provincesWithDirectCounties.insert(parent)
            addCity(division.name, code: division.code, province: parent, standing: .current)
        case (.district, .city):
            let scope = scope(ofCity: parent)
            scopesWithDistricts.insert(scope)
            addDistrict(division.name, code: division.code, scope: scope, standing: .current)
        default:
            return
        }
    }

    mutating func addCity(_ name: String, code: String, province: String, standing: DivisionNameIndex.Standing) {
        citiesByProvince[province, default: DivisionNameIndex()].add(name: name, code: code, standing: standing)
        cityNamesEverywhere.formUnion(Self.keys(of: name))
    }

    mutating func addDistrict(_ name: String, code: String, scope: String, standing: DivisionNameIndex.Standing) {
        districtsByScope[scope, default: DivisionNameIndex()].add(name: name, code: code, standing: standing)
        districtNamesEverywhere.formUnion(Self.keys(of: name))
    }

    private static func keys(of name: String) -> [String] {
        let full = DivisionName.normalized(name)
        return [full, DivisionName.shortForm(full)]
    }
}
