extension Warehouse {
    /// Whether `region` can be one of a warehouse's regions: a prefix of 6-digit division codes, that is 2 to 6
    /// ASCII digits — `31` for 上海, `3301` for 杭州, `310101` for 黄浦区.
    public static func isValidRegion(_ region: String) -> Bool {
        (2...6).contains(region.utf8.count)
            && region.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Whether `code` can name a warehouse: 1 to 32 ASCII letters, digits, `-` or `_`, so it reads the same in
    /// files, on labels and on the command line.
    public static func isValidCode(_ code: String) -> Bool {
        (1...32).contains(code.utf8.count)
            && code.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            }
    }
}
