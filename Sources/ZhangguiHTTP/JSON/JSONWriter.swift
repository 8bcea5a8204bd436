/// Compact JSON for answers, written by hand: object keys in byte order of their UTF-8 (for the API's ASCII keys,
/// the order `JSONEncoder`'s `.sortedKeys` gives), absent optionals left out, and strings escaped so that no stored
/// text can end a string or open markup: `"` and `\` escaped, control characters as `\n`, `\t` … or `\u00XX`, and
/// `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026`. `/` is written as is.
///
/// It replaces `JSONEncoder` with `.sortedKeys`, which took about a third of the order list's time
/// (docs/BENCHMARKS.md).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next member or element needs a comma before it (``JSONWritable``'s calls).
    private var needsComma = false
    /// The key order of objects written already, by their keys as encoded: the objects of a list share theirs.
    private var orders: [(keys: [String], order: [Int])] = []

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// `value` as compact JSON.
    /// - Throws: `EncodingError.invalidValue` for a number that is not finite, or when `value` encodes nothing.
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        if let writable = value as? any JSONWritable {
            var writer = JSONWriter()
            writable.writeJSON(to: &writer)
            return writer.bytes
        }
        let encoder = JSONTreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        guard let node = encoder.node else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: [], debugDescription: "the value encoded nothing")
            )
        }
        var writer = JSONWriter()
        writer.write(node)
        return writer.bytes
    }

    mutating func write(_ node: JSONNode) {
        switch node {
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .integer(let value): write(integer: value)
        case .unsigned(let value): write(unsigned: value)
        case .number(let text): append(text)
        case .string(let value): write(string: value)
        case .array(let array): write(array: array.items)
        case .object(let object): write(object: object)
        case .encoder(let encoder): write(encoder.node ?? .object(JSONObject()))
        case .writable(let writable):
            needsComma = false
            writable.writeJSON(to: &self)
        }
    }

    private mutating func write(array items: [JSONNode]) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func write(object: JSONObject) {
        bytes.append(UInt8(ascii: "{"))
        var isFirst = true
        let order = orders.first { $0.keys == object.keys }?.order ?? sortOrder(of: object)
        for index in order {
            if !isFirst { bytes.append(UInt8(ascii: ",")) }
            isFirst = false
            write(string: object.keys[index])
            bytes.append(UInt8(ascii: ":"))
            write(object.values[index])
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// The order to write `object`'s members in, remembered for the next object with the same keys.
    private mutating func sortOrder(of object: JSONObject) -> [Int] {
        let order = object.sortedIndices()
        if order.count == object.keys.count, orders.count < 32 { orders.append((object.keys, order)) }
        return order
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func write(integer value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            write(unsigned: value.magnitude)
        } else {
            write(unsigned: UInt64(value))
        }
    }

    mutating func write(unsigned value: UInt64) {
        guard value >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        let end = bytes.count + count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var remaining = value
        for index in stride(from: end - 1, through: end - count, by: -1) {
            bytes[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
    }

    mutating func write(string: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = string
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where Self.needsEscape(byte) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscaped(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default:
            append("\\u00")
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0x0F))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    // MARK: Written by hand (``JSONWritable``)

    /// Starts an object as a value: a comma first when one is due.
    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A member's key; the caller gives the keys of an object in sorted order, and plain ASCII needing no escape.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        append(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func value(_ number: Int64) {
        separate()
        write(integer: number)
        needsComma = true
    }

    mutating func value(_ text: String) {
        separate()
        write(string: text)
        needsComma = true
    }

    mutating func value(_ flag: Bool) {
        separate()
        append(flag ? "true" : "false")
        needsComma = true
    }

    /// A member, left out when `value` is nil.
    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        self.value(value)
    }

    mutating func member(_ name: StaticString, _ value: Int64) {
        key(name)
        self.value(value)
    }

    mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        self.value(value)
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}

/// A value that writes its own JSON, with its keys in sorted order: the fast path for the answers sent most often
/// (the order list), which skips building a tree of every row. Its bytes must equal what ``JSONWriter`` makes of
/// its `Encodable` form; a test compares them.
protocol JSONWritable: Encodable {
    func writeJSON(to writer: inout JSONWriter)
}
