/// A rule that picks the courier account for a parcel (快递规则): every condition it sets must hold; conditions it
/// leaves empty hold for every parcel.
///
/// Rules are tried by ``priority``, lowest first; the first that holds chooses. Region conditions are divisions:
/// ``resolvingRegions(in:)`` turns the names a person typed into division codes when the rule is saved, and a
/// parcel is in the region when the division code review stored on its trade starts with the region's
/// (`44` for 广东省, `4403` for 深圳市), whichever way the order spelled the names. Rules saved before regions were
/// resolved have names only; they still compare the names stored on the trade.
public struct CourierRule: Hashable, Sendable, Codable {
    /// Lower numbers are tried first; unique within a company.
    public var priority: Int
    /// A short name people recognise, such as `南方小件走中通`.
    public var name: String
    /// The courier account (its code) the rule chooses.
    public var accountCode: String
    /// The receiver's province must be one of these; empty for any. Official names once resolved (`上海市`).
    public var provinces: Set<String>
    /// The receiver's city must be one of these; empty for any. Official names once resolved (`深圳市`).
    public var cities: Set<String>
    /// The code prefixes of ``provinces`` (``Division/codePrefix``); empty for a rule whose names were not resolved.
    public var provinceCodePrefixes: Set<String>
    /// The code prefixes of ``cities``; empty for a rule whose names were not resolved.
    public var cityCodePrefixes: Set<String>
    /// The parcel must come from one of these shops; empty for any.
    public var shopIDs: Set<Int64>
    /// Inclusive bounds on the parcel's weight in grams; nil for no bound.
    public var minimumWeightGrams: Int64?
    public var maximumWeightGrams: Int64?
    /// Inclusive bounds on the order value in fen; nil for no bound.
    public var minimumValueFen: Int64?
    public var maximumValueFen: Int64?

    public init(
        priority: Int,
        name: String,
        accountCode: String,
        provinces: Set<String> = [],
        cities: Set<String> = [],
        provinceCodePrefixes: Set<String> = [],
        cityCodePrefixes: Set<String> = [],
        shopIDs: Set<Int64> = [],
        minimumWeightGrams: Int64? = nil,
        maximumWeightGrams: Int64? = nil,
        minimumValueFen: Int64? = nil,
        maximumValueFen: Int64? = nil
    ) {
        self.priority = priority
        self.name = name
        self.accountCode = accountCode
        self.provinces = provinces
        self.cities = cities
        self.provinceCodePrefixes = provinceCodePrefixes
        self.cityCodePrefixes = cityCodePrefixes
        self.shopIDs = shopIDs
        self.minimumWeightGrams = minimumWeightGrams
        self.maximumWeightGrams = maximumWeightGrams
        self.minimumValueFen = minimumValueFen
        self.maximumValueFen = maximumValueFen
    }

    /// Whether every condition of the rule holds for `parcel`.
    public func admits(_ parcel: ParcelFacts) -> Bool {
        Self.isInRegion(parcel, names: provinces, codePrefixes: provinceCodePrefixes, parcelName: parcel.province)
            && Self.isInRegion(parcel, names: cities, codePrefixes: cityCodePrefixes, parcelName: parcel.city)
            && (shopIDs.isEmpty || shopIDs.contains(parcel.shopID))
            && Self.within(parcel.weightGrams, minimumWeightGrams, maximumWeightGrams)
            && Self.within(parcel.valueFen, minimumValueFen, maximumValueFen)
    }

    /// How people see the rule: `rule 10 南方小件`, or `rule 10` when its name is only that.
    public var title: String {
        name == "rule \(priority)" ? name : "rule \(priority) \(name)"
    }

    /// Why the rule could never hold: a lower bound above its upper bound, naming both options
    /// (`--min-grams 5000 is above --max-grams 100`); nil when the bounds can hold.
    public var boundsProblem: String? {
        if let minimumWeightGrams, let maximumWeightGrams, minimumWeightGrams > maximumWeightGrams {
            return "--min-grams \(minimumWeightGrams) is above --max-grams \(maximumWeightGrams): no parcel fits"
        }
        if let minimumValueFen, let maximumValueFen, minimumValueFen > maximumValueFen {
            return "--min-fen \(minimumValueFen) is above --max-fen \(maximumValueFen): no order fits"
        }
        return nil
    }

    /// The conditions the rule sets, in words, for explanations: `province 广东省, weight ≤ 3000 g`.
    public var conditions: String {
        var parts: [String] = []
        if !provinces.isEmpty { parts.append("province \(provinces.sorted().joined(separator: "/"))") }
        if !cities.isEmpty { parts.append("city \(cities.sorted().joined(separator: "/"))") }
        if !shopIDs.isEmpty { parts.append("shop \(shopIDs.sorted().map(String.init).joined(separator: "/"))") }
        if let minimumWeightGrams { parts.append("weight ≥ \(minimumWeightGrams) g") }
        if let maximumWeightGrams { parts.append("weight ≤ \(maximumWeightGrams) g") }
        if let minimumValueFen { parts.append("value ≥ \(minimumValueFen) fen") }
        if let maximumValueFen { parts.append("value ≤ \(maximumValueFen) fen") }
        return parts.isEmpty ? "every parcel" : parts.joined(separator: ", ")
    }

    /// Whether the parcel lies in one of the regions: by its division code when the rule's names were resolved
    /// (a parcel without a code is in none), by the name on the trade otherwise.
    private static func isInRegion(
        _ parcel: ParcelFacts,
        names: Set<String>,
        codePrefixes: Set<String>,
        parcelName: String
    ) -> Bool {
        guard !codePrefixes.isEmpty else { return names.isEmpty || names.contains(parcelName) }
        guard let code = parcel.divisionCode else { return false }
        return codePrefixes.contains { code.hasPrefix($0) }
    }

    private static func within(_ value: Int64, _ minimum: Int64?, _ maximum: Int64?) -> Bool {
        (minimum.map { value >= $0 } ?? true) && (maximum.map { value <= $0 } ?? true)
    }
}

/// What the courier rules look at in a parcel.
public struct ParcelFacts: Hashable, Sendable {
    public var province: String
    public var city: String
    /// The receiver's division code that review stored on the trade (`310101`); nil when review found none.
    public var divisionCode: String?
    public var shopID: Int64
    /// The sum over the parcel's lines of quantity × the SKU's weight; 0 when no weight is known.
    public var weightGrams: Int64
    /// What the buyers paid for the parcel's trades, in fen.
    public var valueFen: Int64

    public init(
        province: String,
        city: String,
        divisionCode: String? = nil,
        shopID: Int64,
        weightGrams: Int64,
        valueFen: Int64
    ) {
        self.province = province
        self.city = city
        self.divisionCode = divisionCode
        self.shopID = shopID
        self.weightGrams = weightGrams
        self.valueFen = valueFen
    }
}

extension CourierRule {
    /// Reads a rule as stored; rules saved before regions were resolved have no code prefixes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            priority: try container.decode(Int.self, forKey: .priority),
            name: try container.decode(String.self, forKey: .name),
            accountCode: try container.decode(String.self, forKey: .accountCode),
            provinces: try container.decode(Set<String>.self, forKey: .provinces),
            cities: try container.decode(Set<String>.self, forKey: .cities),
            provinceCodePrefixes: try container.decodeIfPresent(Set<String>.self, forKey: .provinceCodePrefixes) ?? [],
            cityCodePrefixes: try container.decodeIfPresent(Set<String>.self, forKey: .cityCodePrefixes) ?? [],
            shopIDs: try container.decode(Set<Int64>.self, forKey: .shopIDs),
            minimumWeightGrams: try container.decodeIfPresent(Int64.self, forKey: .minimumWeightGrams),
            maximumWeightGrams: try container.decodeIfPresent(Int64.self, forKey: .maximumWeightGrams),
            minimumValueFen: try container.decodeIfPresent(Int64.self, forKey: .minimumValueFen),
            maximumValueFen: try container.decodeIfPresent(Int64.self, forKey: .maximumValueFen)
        )
    }

    /// The rule with its province and city names replaced by the divisions they stand for: official names, and
    /// the code prefixes parcels are matched by. A city is looked for in the rule's province when it names one,
    /// anywhere otherwise.
    /// - Throws: ``AddressProblem`` naming the field (`province` or `city`) and the name no division has.
    public func resolvingRegions(in catalog: DivisionCatalog) throws(AddressProblem) -> CourierRule {
        var resolved = self
        var provinceDivisions: [Division] = []
        for name in provinces.sorted() {
            guard let province = catalog.province(named: name) else {
                throw AddressProblem(code: .unknownProvince, field: "province", value: name)
            }
            provinceDivisions.append(province)
        }
        var cityDivisions: [Division] = []
        let onlyProvince = provinceDivisions.count == 1 ? provinceDivisions.first?.code : nil
        for name in cities.sorted() {
            guard let city = catalog.city(named: name, provinceCode: onlyProvince) else {
                throw AddressProblem(code: .unknownCity, field: "city", value: name)
            }
            cityDivisions.append(city)
        }
        resolved.provinces = Set(provinceDivisions.map(\.name))
        resolved.provinceCodePrefixes = Set(provinceDivisions.map(\.codePrefix))
        resolved.cities = Set(cityDivisions.map(\.name))
        resolved.cityCodePrefixes = Set(cityDivisions.map(\.codePrefix))
        return resolved
    }
}
