/// The parameters of a gateway call: the query string and, for a form post, the body's fields. A name given
/// twice keeps its last value, as the platforms' gateways do.
struct FormFields: Sendable {
    private(set) var values: [String: String] = [:]

    init() {}

    init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { values[name] = value }
    }

    subscript(name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }

    mutating func merge(_ other: FormFields) {
        for (name, value) in other.values { values[name] = value }
    }

    /// Fields of an `application/x-www-form-urlencoded` body: `+` is a space, `%XX` a byte of UTF-8.
    static func decode(formBody bytes: [UInt8]) -> FormFields {
        var fields = FormFields()
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecode(parts[0])
            let value = parts.count > 1 ? percentDecode(parts[1]) : ""
            fields[name] = value
        }
        return fields
    }

    /// `text` encoded for a form body or query string: unreserved ASCII kept, everything else `%XX`.
    static func percentEncode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            let isUnreserved =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || "-._~".utf8.contains(byte)
            if isUnreserved {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return output
    }

    /// Pairs joined as a form body, names sorted so the same fields give the same text.
    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { percentEncode($0.0) + "=" + percentEncode($0.1) }.joined(separator: "&")
    }

    private static func percentDecode(_ bytes: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                output.append(0x20)
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                output.append(value)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
