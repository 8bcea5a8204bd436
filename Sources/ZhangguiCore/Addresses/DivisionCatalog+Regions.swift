/// Provinces and cities by name alone, for conditions that name a region rather than an address (courier rules).
extension DivisionCatalog {
    /// The province a name stands for, full or short (`上海`, `上海市`, `广西`); nil when none or ambiguous.
    public func province(named name: String) -> Division? {
        indexes.provinces.code(for: DivisionName.normalized(name)).flatMap { division(code: $0) }
    }

    /// The city a name stands for, full or short (`深圳`, `深圳市`), in the province with code `provinceCode` or,
    /// without one, in the one province that has a city of that name. A municipality's own name (`上海市`) stands
    /// for the municipality, and a county-level division its province governs directly (`仙桃市`) for itself.
    /// - Returns: nil when no city has the name, or several do in different provinces.
    public func city(named name: String, provinceCode: String? = nil) -> Division? {
        let normalized = DivisionName.normalized(name)
        let provinceCodes =
            provinceCode.map { [$0] } ?? indexes.divisionsByCode.values.filter { $0.level == .province }.map(\.code)
        var found: Set<String> = []
        for code in provinceCodes {
            if indexes.municipalities.contains(code), indexes.provinces.code(for: normalized) == code {
                found.insert(code)
                continue
            }
            if let city = indexes.citiesByProvince[code]?.code(for: normalized) { found.insert(city) }
        }
        guard found.count == 1, let code = found.first else { return nil }
        return division(code: code)
    }
}

extension Division {
    /// The start every division code inside this one shares: the code without its trailing pairs of zeros
    /// (`44` for 广东省 `440000`, `4403` for 深圳市 `440300`, `429004` for 仙桃市).
    public var codePrefix: String {
        var prefix = Substring(code)
        while prefix.count > 2, prefix.hasSuffix("00") { prefix = prefix.dropLast(2) }
        return String(prefix)
    }
}
