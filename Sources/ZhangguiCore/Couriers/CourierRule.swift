/// A rule that picks the courier account for a parcel (快递规则): every condition it sets must hold; conditions it
/// leaves empty hold for every parcel.
///
/// Rules are tried by ``priority``, lowest first; the first that holds chooses. Region conditions compare the
/// receiver's province and city names as stored on the trade (`广东省`, `深圳市`).
public struct CourierRule: Hashable, Sendable, Codable {
    /// Lower numbers are tried first; unique within a company.
    public var priority: Int
    /// A short name people recognise, such as `南方小件走中通`.
    public var name: String
    /// The courier account (its code) the rule chooses.
    public var accountCode: String
    /// The receiver's province must be one of these; empty for any.
    public var provinces: Set<String>
    /// The receiver's city must be one of these; empty for any.
    public var cities: Set<String>
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
        self.shopIDs = shopIDs
        self.minimumWeightGrams = minimumWeightGrams
        self.maximumWeightGrams = maximumWeightGrams
        self.minimumValueFen = minimumValueFen
        self.maximumValueFen = maximumValueFen
    }

    /// Whether every condition of the rule holds for `parcel`.
    public func admits(_ parcel: ParcelFacts) -> Bool {
        (provinces.isEmpty || provinces.contains(parcel.province))
            && (cities.isEmpty || cities.contains(parcel.city))
            && (shopIDs.isEmpty || shopIDs.contains(parcel.shopID))
            && Self.within(parcel.weightGrams, minimumWeightGrams, maximumWeightGrams)
            && Self.within(parcel.valueFen, minimumValueFen, maximumValueFen)
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

    private static func within(_ value: Int64, _ minimum: Int64?, _ maximum: Int64?) -> Bool {
        (minimum.map { value >= $0 } ?? true) && (maximum.map { value <= $0 } ?? true)
    }
}

/// What the courier rules look at in a parcel.
public struct ParcelFacts: Hashable, Sendable {
    public var province: String
    public var city: String
    public var shopID: Int64
    /// The sum over the parcel's lines of quantity × the SKU's weight; 0 when no weight is known.
    public var weightGrams: Int64
    /// What the buyers paid for the parcel's trades, in fen.
    public var valueFen: Int64

    public init(province: String, city: String, shopID: Int64, weightGrams: Int64, valueFen: Int64) {
        self.province = province
        self.city = city
        self.shopID = shopID
        self.weightGrams = weightGrams
        self.valueFen = valueFen
    }
}
