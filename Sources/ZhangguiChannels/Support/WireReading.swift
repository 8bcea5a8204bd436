import ZhangguiCore
import ZhangguiServices

/// Reads the fields of a platform's answer, each missing or unreadable one a ``ChannelError/malformedResponse``
/// naming the field (never its value, which may be personal data).
struct WireObject {
    let value: JSONValue
    /// Where this object sits in the answer, such as `trade.orders[2]`, for error messages.
    let path: String

    init(_ value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }

    func malformed(_ field: String, _ problem: String) -> ChannelError {
        .malformedResponse(message: "\(path).\(field) \(problem)")
    }

    /// A text field (numbers read as their text); empty when missing or null.
    func text(_ field: String) -> String {
        value[field]?.text ?? ""
    }

    /// A required text field.
    func requiredText(_ field: String) throws(ChannelError) -> String {
        guard let text = value[field]?.text, !text.isEmpty else { throw malformed(field, "is missing") }
        return text
    }

    /// A whole number; `nil` when missing, null or empty.
    func optionalInt(_ field: String) throws(ChannelError) -> Int64? {
        guard let member = value[field], !member.isNull, member.text != "" else { return nil }
        guard let number = member.int64 else { throw malformed(field, "is not a whole number") }
        return number
    }

    /// A whole number, `fallback` when missing.
    func int(_ field: String, default fallback: Int64 = 0) throws(ChannelError) -> Int64 {
        try optionalInt(field) ?? fallback
    }

    /// A required whole number.
    func requiredInt(_ field: String) throws(ChannelError) -> Int64 {
        guard let number = try optionalInt(field) else { throw malformed(field, "is missing") }
        return number
    }

    /// An amount in yuan with up to two decimals (TOP, JD, PDD), zero when missing.
    func yuan(_ field: String) throws(ChannelError) -> Money {
        guard let text = value[field]?.text, !text.isEmpty else { return .zero() }
        guard let money = try? Money.parse(text) else { throw malformed(field, "is not an amount in yuan") }
        return money
    }

    /// An amount in whole fen (抖店, 快手, XHS), zero when missing.
    func fen(_ field: String) throws(ChannelError) -> Money {
        Money(fen: try int(field))
    }

    /// A `yyyy-MM-dd HH:mm:ss` GMT+8 time in UTC milliseconds; `nil` when missing or empty.
    func gmt8Time(_ field: String) throws(ChannelError) -> Int64? {
        guard let text = value[field]?.text, !text.isEmpty else { return nil }
        guard let millis = try? PlatformTimestamp.millis(gmt8Text: text) else {
            throw malformed(field, "is not a time of the form yyyy-MM-dd HH:mm:ss")
        }
        return millis
    }

    /// A required `yyyy-MM-dd HH:mm:ss` GMT+8 time in UTC milliseconds.
    func requiredGMT8Time(_ field: String) throws(ChannelError) -> Int64 {
        guard let millis = try gmt8Time(field) else { throw malformed(field, "is missing") }
        return millis
    }

    /// Required Unix seconds as UTC milliseconds.
    func requiredSecondsTime(_ field: String) throws(ChannelError) -> Int64 {
        guard let millis = try secondsTime(field) else { throw malformed(field, "is missing") }
        return millis
    }

    /// Required Unix milliseconds.
    func requiredMillisTime(_ field: String) throws(ChannelError) -> Int64 {
        guard let millis = try millisTime(field) else { throw malformed(field, "is missing") }
        return millis
    }

    /// A time given either as Unix seconds (10 digits), Unix milliseconds (13 digits) or a GMT+8 text, in UTC
    /// milliseconds; `nil` when missing, empty or zero.
    func flexibleTime(_ field: String) throws(ChannelError) -> Int64? {
        guard let member = value[field], let text = member.text, !text.isEmpty else { return nil }
        guard let number = Int64(text) else { return try gmt8Time(field) }
        if number <= 0 { return nil }
        return text.count >= 13 ? number : number * 1000
    }

    /// Unix seconds as UTC milliseconds; `nil` when missing or zero (platforms write 0 for "not yet").
    func secondsTime(_ field: String) throws(ChannelError) -> Int64? {
        guard let seconds = try optionalInt(field), seconds > 0 else { return nil }
        return seconds * 1000
    }

    /// Unix milliseconds; `nil` when missing or zero.
    func millisTime(_ field: String) throws(ChannelError) -> Int64? {
        guard let millis = try optionalInt(field), millis > 0 else { return nil }
        return millis
    }

    /// A nested object.
    func object(_ field: String) -> WireObject? {
        guard let member = value[field], member.object != nil else { return nil }
        return WireObject(member, path: "\(path).\(field)")
    }

    /// The objects of an array field; empty when missing. `wrapper` unwraps TOP-style `{"order": […]}` lists.
    func objects(_ field: String, wrapper: String? = nil) throws(ChannelError) -> [WireObject] {
        guard var member = value[field], !member.isNull else { return [] }
        if let wrapper {
            guard let inner = member[wrapper] else { return [] }
            member = inner
        }
        guard let elements = member.array else { throw malformed(field, "is not a list") }
        return elements.enumerated().map { WireObject($0.element, path: "\(path).\(field)[\($0.offset)]") }
    }
}

extension String {
    /// This text without leading and trailing spaces, tabs and line breaks (platforms pad some fields).
    var trimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
