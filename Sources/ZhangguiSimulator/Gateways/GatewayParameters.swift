import ZhangguiChannels

/// The business parameters of a call, read by name whether they came as form fields or as JSON members.
struct GatewayParameters {
    private let values: [String: JSONValue]

    init(_ values: [String: JSONValue]) {
        self.values = values
    }

    init(form: FormFields) {
        values = form.values.mapValues { JSONValue.string($0) }
    }

    /// The value as text (a number's literal included); nil when missing or null.
    func string(_ name: String) -> String? {
        guard let value = values[name], !value.isNull else { return nil }
        if let text = value.text { return text }
        if let flag = value.bool { return flag ? "true" : "false" }
        return value.serialized()
    }

    func value(_ name: String) -> JSONValue? { values[name] }

    func required(_ name: String) throws(GatewayError) -> String {
        guard let text = string(name), !text.isEmpty else { throw .missingParameter(name) }
        return text
    }

    /// A whole number, or `defaultValue` when missing.
    func integer(_ name: String, default defaultValue: Int64? = nil) throws(GatewayError) -> Int64 {
        guard let text = string(name), !text.isEmpty else {
            guard let defaultValue else { throw .missingParameter(name) }
            return defaultValue
        }
        guard let number = Int64(text) else { throw .invalidParameter(name, "\(name) must be a whole number") }
        return number
    }

    func boolean(_ name: String) -> Bool {
        string(name) == "true" || string(name) == "1"
    }

    /// A page size within 1…`maximum`.
    func pageSize(_ name: String, default defaultValue: Int64, maximum: Int) throws(GatewayError) -> Int {
        let size = try integer(name, default: defaultValue)
        guard (1...Int64(maximum)).contains(size) else {
            throw .invalidParameter(name, "\(name) must be between 1 and \(maximum)")
        }
        return Int(size)
    }
}

/// One page cut from a sorted list.
struct GatewayPage<Item> {
    var items: [Item]
    var total: Int
    var hasNext: Bool

    /// - Parameter offset: the index of the page's first item in `all`.
    init(_ all: [Item], offset: Int, size: Int) {
        total = all.count
        let start = min(max(offset, 0), all.count)
        let end = min(start + size, all.count)
        items = Array(all[start..<end])
        hasNext = end < all.count
    }
}

/// Checks shared by the listings.
enum Windows {
    /// A window `[start, end]` in milliseconds must not be reversed nor longer than `maximumSeconds`.
    static func check(
        start: Int64,
        end: Int64,
        maximumSeconds: Int64,
        names: (String, String)
    ) throws(GatewayError) {
        guard start <= end else { throw .invalidParameter(names.0, "\(names.0) must not be after \(names.1)") }
        guard end - start <= maximumSeconds * 1000 else {
            throw .invalidParameter(names.1, "the time span must not exceed \(spanText(maximumSeconds))")
        }
    }

    static func spanText(_ seconds: Int64) -> String {
        if seconds % 86_400 == 0 { return "\(seconds / 86_400) day(s)" }
        if seconds % 3600 == 0 { return "\(seconds / 3600) hour(s)" }
        return "\(seconds / 60) minute(s)"
    }

    /// Whether `millis` falls in `[start, end]` when the platform compares whole seconds.
    static func containsBySecond(_ millis: Int64, start: Int64, end: Int64) -> Bool {
        let second = floorSeconds(millis)
        return second >= floorSeconds(start) && second <= floorSeconds(end)
    }

    static func floorSeconds(_ millis: Int64) -> Int64 {
        millis >= 0 ? millis / 1000 : -((-millis + 999) / 1000)
    }
}
