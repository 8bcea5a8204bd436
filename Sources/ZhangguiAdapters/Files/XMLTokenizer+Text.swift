extension XMLTokenizer {
    /// The raw value range of the attribute whose local name is `name`, in a start tag's `body`.
    func attribute(_ name: [UInt8], in body: Range<Int>) -> Range<Int>? {
        var index = body.lowerBound
        while index < body.upperBound {
            while index < body.upperBound && bytes[index] <= 0x20 { index += 1 }
            let nameStart = index
            while index < body.upperBound && bytes[index] != UInt8(ascii: "=") && bytes[index] > 0x20 { index += 1 }
            let attributeName = localName(in: nameStart..<index)
            while index < body.upperBound && (bytes[index] <= 0x20 || bytes[index] == UInt8(ascii: "=")) { index += 1 }
            guard index < body.upperBound else { return nil }
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            let valueEnd = firstIndex(of: quote, from: index + 1).map { min($0, body.upperBound) } ?? body.upperBound
            if matches(attributeName, name) { return index + 1..<valueEnd }
            index = valueEnd + 1
        }
        return nil
    }

    /// The decoded text of an attribute, or nil when the tag has no such attribute or it is not valid UTF-8.
    func attributeText(_ name: [UInt8], in body: Range<Int>) -> String? {
        attribute(name, in: body).flatMap { decodedText($0) }
    }

    /// The non-negative decimal number spelled by `range`, or nil when it holds anything but up to 18 digits.
    func integer(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// The text of `range` with XML entities and character references decoded; nil when not valid UTF-8.
    ///
    /// Unknown or broken references are kept as written.
    func decodedText(_ range: Range<Int>, isLiteral: Bool = false) -> String? {
        guard !isLiteral, firstIndex(of: UInt8(ascii: "&"), in: range) != nil else {
            return makeUTF8String(UnsafeBufferPointer(rebasing: bytes[range]))
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "&"), let (scalar, end) = reference(at: index, limit: range.upperBound) {
                decoded.append(contentsOf: String(Character(scalar)).utf8)
                index = end
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return makeUTF8String(decoded)
    }

    private func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The character an entity or character reference at `start` stands for, and the index after its `;`.
    private func reference(at start: Int, limit: Int) -> (Unicode.Scalar, Int)? {
        let searchEnd = min(limit, start + 12)
        guard let semicolon = firstIndex(of: UInt8(ascii: ";"), in: start + 1..<searchEnd) else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start + 1..<semicolon]), as: UTF8.self)
        guard let scalar = Self.character(named: name) else { return nil }
        return (scalar, semicolon + 1)
    }

    private static func character(named name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard name.hasPrefix("#") else { return nil }
        let isHex = name.hasPrefix("#x") || name.hasPrefix("#X")
        let digits = name.dropFirst(isHex ? 2 : 1)
        return UInt32(digits, radix: isHex ? 16 : 10).flatMap(Unicode.Scalar.init)
    }
}
