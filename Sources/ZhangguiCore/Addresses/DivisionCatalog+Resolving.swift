/// The steps of ``DivisionCatalog/resolve(province:city:district:)``, each on normalised names.
extension DivisionCatalog {
    /// Names a city field may carry in a municipality, besides the municipality's own name or nothing.
    static let municipalCityForms: Set<String> = ["市辖区", "县", "郊县"]

    /// City-field names that group the county-level divisions a province governs directly: the NBS and platform
    /// placeholders, and the regions of 香港 and 澳门 that have no code of their own.
    ///
    /// Known limitation: a region is not checked against its districts (香港岛 with 油尖旺区 passes). The district
    /// still has to be one of the province's, which is what a waybill needs.
    static let directCountyGroups: Set<String> = [
        "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县", "省直辖县级市", "省直辖行政单位", "直辖县级行政区划",
        "香港岛", "九龙", "新界", "澳门半岛", "离岛", "氹仔", "路环",
    ]

    func resolveNormalized(province: String, city: String, district: String) throws(AddressProblem)
        -> ResolvedDivision
    {
        let provinceCode = try provinceCode(named: province)
        if indexes.municipalities.contains(provinceCode) {
            return try resolveInMunicipality(provinceCode, city: city, district: district)
        }
        if !city.isEmpty, let cityCode = indexes.citiesByProvince[provinceCode]?.code(for: city) {
            return try resolveInCity(cityCode, province: provinceCode, district: district)
        }
        if isDirectCountyGroup(city, province: provinceCode) {
            return try resolveDirectCounty(named: district, province: provinceCode)
        }
        throw cityProblem(city, province: provinceCode)
    }

    private func provinceCode(named name: String) throws(AddressProblem) -> String {
        guard !name.isEmpty else { throw AddressProblem(code: .missingProvince, field: "province", value: name) }
        guard let code = indexes.provinces.code(for: name) else {
            throw AddressProblem(code: .unknownProvince, field: "province", value: name)
        }
        return code
    }

    private func resolveInMunicipality(_ provinceCode: String, city: String, district: String) throws(AddressProblem)
        -> ResolvedDivision
    {
        let districts = indexes.districtsByScope[provinceCode]
        let isCityForm =
            city.isEmpty || Self.municipalCityForms.contains(city) || indexes.provinces.code(for: city) == provinceCode
        if !isCityForm {
            // The district written in the city field (北京 / 朝阳区 / empty) is still a clear address.
            guard let code = districts?.code(for: city), district.isEmpty || districts?.code(for: district) == code
            else { throw cityProblem(city, province: provinceCode) }
            return try resolved(code: code, district: city)
        }
        // Known limitation: `县` is not checked against the district (重庆 / 县 / 渝中区 passes); the district alone
        // already names one place in the municipality.
        guard !district.isEmpty else { throw AddressProblem(code: .missingDistrict, field: "district", value: "") }
        guard let code = districts?.code(for: district) else { throw districtProblem(district, scope: provinceCode) }
        return try resolved(code: code, district: district)
    }

    private func resolveInCity(_ cityCode: String, province: String, district: String) throws(AddressProblem)
        -> ResolvedDivision
    {
        let scope = indexes.scope(ofCity: cityCode)
        let aliasOrDistrict = district.isEmpty ? nil : indexes.districtsByScope[scope]?.code(for: district)
        if let code = aliasOrDistrict { return try resolved(code: code, district: district) }
        if indexes.scopesWithDistricts.contains(scope) {
            guard !district.isEmpty else { throw AddressProblem(code: .missingDistrict, field: "district", value: "") }
            throw districtProblem(district, scope: scope)
        }
        // Known limitation: a city without county-level divisions takes any district text as a town in it, since
        // town names (东莞 虎门镇, 中山 城区) often repeat county names elsewhere. Only another city of the same
        // province is refused.
        if !district.isEmpty, let other = indexes.citiesByProvince[province]?.code(for: district), other != cityCode {
            throw AddressProblem(code: .districtNotInCity, field: "district", value: district)
        }
        return try resolved(code: cityCode, district: district)
    }

    private func resolveDirectCounty(named district: String, province: String) throws(AddressProblem)
        -> ResolvedDivision
    {
        guard !district.isEmpty else { throw AddressProblem(code: .missingDistrict, field: "district", value: "") }
        guard let code = indexes.citiesByProvince[province]?.code(for: district) else {
            throw districtProblem(district, scope: province)
        }
        guard indexes.isDirectCounty(code) else {
            throw AddressProblem(code: .districtNotInCity, field: "district", value: district)
        }
        return try resolved(code: code, district: district)
    }

    /// Whether the city field stands for the counties a province governs directly; an empty city only does so in a
    /// province without cities (香港, 澳门).
    private func isDirectCountyGroup(_ city: String, province: String) -> Bool {
        if city.isEmpty { return !indexes.provincesWithCities.contains(province) }
        guard indexes.provincesWithDirectCounties.contains(province) else { return false }
        return Self.directCountyGroups.contains(city) || indexes.provinces.code(for: city) == province
    }

    private func resolved(code: String, district: String) throws(AddressProblem) -> ResolvedDivision {
        guard let resolved = indexes.resolvedDivision(code: code) else {
            throw AddressProblem(code: .unknownDistrict, field: "district", value: district)
        }
        return resolved
    }

    private func cityProblem(_ city: String, province: String) -> AddressProblem {
        if city.isEmpty { return AddressProblem(code: .missingCity, field: "city", value: city) }
        let isElsewhere =
            indexes.citiesByProvince[province]?.contains(city) != true
            && Self.isKnown(city, in: indexes.cityNamesEverywhere)
        return AddressProblem(code: isElsewhere ? .cityNotInProvince : .unknownCity, field: "city", value: city)
    }

    private func districtProblem(_ district: String, scope: String) -> AddressProblem {
        let isElsewhere =
            indexes.districtsByScope[scope]?.contains(district) != true
            && Self.isKnown(district, in: indexes.districtNamesEverywhere)
        return AddressProblem(
            code: isElsewhere ? .districtNotInCity : .unknownDistrict,
            field: "district",
            value: district
        )
    }

    private static func isKnown(_ name: String, in names: Set<String>) -> Bool {
        names.contains(name) || names.contains(DivisionName.shortForm(name))
    }
}
