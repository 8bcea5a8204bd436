extension Warehouse {
    /// Whether `region` can be one of a warehouse's regions: a prefix of 6-digit division codes, that is 2 to 6
    /// ASCII digits — `31` for 上海, `3301` for 杭州, `310101` for 黄浦区.
    public static func isValidRegion(_ region: String) -> Bool {
        (2...6).contains(region.utf8.count)
            && region.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
