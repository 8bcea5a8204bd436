extension DivisionIndexes {
    /// Puts an alias where its old name was, if its province, city and successor can all be found.
    ///
    /// - Returns: false when the alias cannot be placed; the catalog then lists it in `unplacedAliases`.
    mutating func place(_ alias: DivisionAlias) -> Bool {
        guard let province = provinces.code(for: DivisionName.normalized(alias.provinceName)),
            let successor = resolvedDivision(code: alias.successorCode),
            successor.provinceCode == province
        else { return false }
        if alias.isCityAlias {
            guard successor.districtCode == nil else { return false }
            addCity(alias.oldName, code: alias.successorCode, province: province, standing: .alias)
            return true
        }
        guard let scope = districtScope(cityName: alias.cityName, province: province) else { return false }
        addDistrict(alias.oldName, code: alias.successorCode, scope: scope, standing: .alias)
        return true
    }

    /// The codes of each level for a city or district code; nil for a province or an unknown code.
    func resolvedDivision(code: String) -> ResolvedDivision? {
        guard let division = divisionsByCode[code], let parentCode = division.parentCode,
            let parent = divisionsByCode[parentCode]
        else { return nil }
        switch (division.level, parent.level) {
        case (.district, .city):
            guard let provinceCode = parent.parentCode else { return nil }
            return ResolvedDivision(provinceCode: provinceCode, cityCode: parentCode, districtCode: code)
        case (.district, .province), (.city, .province):
            return ResolvedDivision(provinceCode: parentCode, cityCode: code, districtCode: nil)
        default:
            return nil
        }
    }

    private func districtScope(cityName: String, province: String) -> String? {
        if municipalities.contains(province) { return province }
        guard let city = citiesByProvince[province]?.code(for: DivisionName.normalized(cityName)) else { return nil }
        return scope(ofCity: city)
    }
}
