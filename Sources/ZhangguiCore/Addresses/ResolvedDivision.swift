/// 省/市/区 of an address as resolved against the catalog: the code of each level and the most specific one.
///
/// `cityCode` is the prefecture-level city, or the county itself when a county-level division answers directly to
/// its province (省直辖县 such as 仙桃市, 香港 and 澳门 districts); `districtCode` is then nil. It is also nil for a
/// city without county-level divisions (东莞市 `441900`, 中山市, 儋州市, 嘉峪关市) and for an alias whose successor
/// is a city.
public struct ResolvedDivision: Sendable, Equatable {
    public let provinceCode: String
    public let cityCode: String
    public let districtCode: String?

    /// Makes a resolved division from its codes.
    public init(provinceCode: String, cityCode: String, districtCode: String?) {
        self.provinceCode = provinceCode
        self.cityCode = cityCode
        self.districtCode = districtCode
    }

    /// The most specific code: the district's, or the city's when there is no district.
    public var code: String { districtCode ?? cityCode }
}
