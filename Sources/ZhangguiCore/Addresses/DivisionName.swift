/// How division names are compared: whitespace ignored, and a short form that drops the suffix orders often leave
/// out (`北京` for 北京市, `广西` for 广西壮族自治区, `黔东南` for 黔东南苗族侗族自治州).
enum DivisionName {
    /// The name without any whitespace, full-width spaces included.
    static func normalized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: \.properties.isWhitespace) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !$0.properties.isWhitespace })
        return String(scalars)
    }

    /// The name without its administrative suffix, or the name itself when dropping the suffix would leave fewer
    /// than two characters (`忠县`, `城区` and `新区` keep their names).
    static func shortForm(_ name: String) -> String {
        if let suffix = autonomousSuffixes.first(where: { name.hasSuffix($0) }) {
            return withoutEthnicGroups(String(name.dropLast(suffix.count)), fallback: name)
        }
        for suffix in plainSuffixes where name.hasSuffix(suffix) && name.count - suffix.count >= minimumLength {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// A short form must keep at least this many characters.
    private static let minimumLength = 2

    private static let autonomousSuffixes = ["自治区", "自治州", "自治县", "自治旗"]

    /// Longest first, so that `地区` goes before `区`.
    private static let plainSuffixes = [
        "特别行政区", "新区", "林区", "特区", "地区", "省", "市", "州", "盟", "区", "县", "旗", "乡", "镇",
    ]

    /// Drops the peoples named before 自治…: `黔东南苗族侗族` → `黔东南`, `伊犁哈萨克` → `伊犁`,
    /// `鄂温克族` → `鄂温克`.
    private static func withoutEthnicGroups(_ stem: String, fallback: String) -> String {
        var rest = stem
        while let group = trailingEthnicGroup(of: rest) {
            rest = String(rest.dropLast(group.count))
        }
        if rest.hasSuffix("族") && rest.count > minimumLength {
            rest = String(rest.dropLast())
        }
        return rest.count >= minimumLength ? rest : fallback
    }

    /// The trailing `…族` (or a bare name of two characters or more, like `哈萨克`) that can go while leaving a short
    /// form behind.
    private static func trailingEthnicGroup(of stem: String) -> String? {
        for people in EthnicGroups.names {
            let candidates = people.count >= minimumLength ? [people + "族", people] : [people + "族"]
            for candidate in candidates
            where stem.hasSuffix(candidate) && stem.count - candidate.count >= minimumLength {
                return candidate
            }
        }
        return nil
    }
}
