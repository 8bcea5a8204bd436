/// One administrative division (行政区划) with its GB/T 2260 style code.
public struct Division: Sendable, Hashable {
    /// Six digits: two for the province, two for the city, two for the district (`110105` is 北京市朝阳区).
    public let code: String
    /// The official name, such as `朝阳区` or `黔东南苗族侗族自治州`.
    public let name: String
    public let level: DivisionLevel
    /// The code of the division one level up, or nil for a province. A county-level division governed directly by
    /// its province (省直辖县 such as 仙桃市 `429004`) points to the province.
    public let parentCode: String?

    /// Makes a division from a reference table row; the values are taken as given.
    public init(code: String, name: String, level: DivisionLevel, parentCode: String?) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }
}
