/// A name that real orders still carry for a division that was abolished, renamed or moved, such as 北京
/// `崇文区`, merged into 东城区 (`110101`) in 2010.
///
/// A district alias names its province and city as orders write them. A city alias (a renamed prefecture such as
/// 襄樊市 → 襄阳市) leaves `cityName` empty and gives the old city name as `oldName`.
public struct DivisionAlias: Sendable, Hashable {
    /// The province as orders write it; any form ``DivisionCatalog`` accepts, such as `北京` or `北京市`.
    public let provinceName: String
    /// The city the old name sits under, in any accepted form; empty for a city alias.
    public let cityName: String
    /// The name that is no longer current.
    public let oldName: String
    /// The code of the division that took the old one's place. A district alias may point to a city when the
    /// successor has no code of its own in the catalog.
    public let successorCode: String

    /// Makes an alias; the catalog checks that the names and the successor exist when it is built.
    public init(provinceName: String, cityName: String, oldName: String, successorCode: String) {
        self.provinceName = provinceName
        self.cityName = cityName
        self.oldName = oldName
        self.successorCode = successorCode
    }

    /// Whether this alias renames a city rather than a district.
    public var isCityAlias: Bool { cityName.isEmpty }
}
