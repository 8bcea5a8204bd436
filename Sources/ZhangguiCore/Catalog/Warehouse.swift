/// A place that holds stock and ships parcels.
public struct Warehouse: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    /// Lower numbers are tried first when choosing where an order ships from.
    public var priority: Int
    /// Division-code prefixes this warehouse serves, such as `31` (上海) or `3301` (杭州); empty means everywhere.
    public var regions: [String]

    public init(code: String, name: String, priority: Int, regions: [String] = []) {
        self.code = code
        self.name = name
        self.priority = priority
        self.regions = regions
    }

    /// Whether this warehouse serves the receiver at `divisionCode` (a 6-digit code, or nil when unknown).
    public func serves(divisionCode: String?) -> Bool {
        guard !regions.isEmpty else { return true }
        guard let divisionCode else { return false }
        return regions.contains { divisionCode.hasPrefix($0) }
    }
}
