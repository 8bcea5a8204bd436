/// Text rules of labels: address lines, the privacy mask on phone numbers, the fallback sorting code.
public enum LabelText {
    /// The parts joined with single spaces, empty parts left out, a part that repeats the one before it (a
    /// municipality's province and city, 上海 上海市) shown once.
    public static func join(_ parts: String...) -> String {
        var shown: [String] = []
        for part in parts.map({ String(Substring($0).trimmingWhitespace()) }) where !part.isEmpty {
            if let last = shown.last, part.hasPrefix(last) || last.hasPrefix(part) {
                if part.count > last.count { shown[shown.count - 1] = part }
                continue
            }
            shown.append(part)
        }
        return shown.joined(separator: " ")
    }

    /// The text without leading and trailing whitespace (the full-width space included).
    public static func trimmed(_ text: String) -> String {
        String(Substring(text).trimmingWhitespace())
    }

    /// A phone number with its middle hidden, as privacy labels (隐私面单) print it: an 11-digit mobile number
    /// keeps its first three and last four digits (`138****8000`); any other number keeps its last four.
    public static func maskedPhone(_ phone: String) -> String {
        let digits = phone.filter(\.isNumber)
        if digits.count == 11, digits.hasPrefix("1") {
            return digits.prefix(3) + "****" + digits.suffix(4)
        }
        guard digits.count > 4 else { return String(repeating: "*", count: digits.count) }
        return String(repeating: "*", count: digits.count - 4) + digits.suffix(4)
    }

    /// The sorting mark for a courier that gave none (an offline range): the destination city and district,
    /// what 大头笔 originally meant, such as `上海 黄浦区`.
    public static func fallbackSortingCode(for receiver: Receiver) -> String {
        let city = receiver.city.isEmpty ? receiver.province : receiver.city
        return join(city, receiver.district)
    }
}
