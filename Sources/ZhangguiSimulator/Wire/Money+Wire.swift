import ZhangguiChannels

/// Amounts as the platforms write them, from integer fen.
extension JSONValue {
    /// Yuan as a JSON number, the way PDD writes amounts (`4.5`, `11.01`, `0`).
    static func yuanNumber(fen: Int64) -> JSONValue { .number(YuanText.compact(fen: fen)) }

    /// Yuan as a string with two decimals, the way TOP and JD write amounts (`"100.00"`).
    static func yuanString(fen: Int64) -> JSONValue { .string(YuanText.twoDecimals(fen: fen)) }

    /// A whole number.
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }
}

/// Yuan texts from integer fen, and back.
enum YuanText {
    /// `"100.00"`, `"-0.50"`.
    static func twoDecimals(fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `"4.5"`, `"11.01"`, `"0"`: no trailing zeros.
    static func compact(fen: Int64) -> String {
        var text = twoDecimals(fen: fen)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Fen from a yuan text such as `"12.5"`, `"3"` or `"0.10"`; nil when it is not one or has more than two
    /// decimals.
    static func fen(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]) else { return nil }
        guard parts.count == 2 else { return whole * 100 }
        let decimals = parts[1]
        guard (1...2).contains(decimals.count), decimals.allSatisfy(\.isASCII), let cents = Int64(decimals) else {
            return nil
        }
        let scaled = decimals.count == 1 ? cents * 10 : cents
        return whole * 100 + (text.hasPrefix("-") ? -scaled : scaled)
    }
}

extension JSONValue {
    /// An id as a JSON number when it is all digits (TOP `tid`, 快手 `oid`, 抖店 `sku_id`), otherwise a string.
    static func identifier(_ text: String) -> JSONValue {
        !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) } && text.count <= 19 && Int64(text) != nil
            ? .number(text) : .string(text)
    }
}
