/// True when every byte is below 0x80.
func isASCII(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer(isASCII)
}

/// True when every byte is below 0x80, checked eight bytes at a time.
func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let raw = UnsafeRawBufferPointer(bytes)
    var index = 0
    while index + 8 <= raw.count {
        if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
        index += 8
    }
    while index < raw.count {
        if raw[index] & 0x80 != 0 { return false }
        index += 1
    }
    return true
}

/// The text of `bytes`, or nil when they are not well-formed UTF-8.
///
/// Faster than the standard library's generic `String(validating:as:)` for the short fields of a table.
func makeUTF8String(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard isASCII(bytes) || isWellFormedUTF8(bytes) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
}

/// The text of `bytes`, or nil when they are not well-formed UTF-8.
func makeUTF8String(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBufferPointer(makeUTF8String)
}

private func isWellFormedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
        guard bytes[index] >= 0x80 else {
            index += 1
            continue
        }
        guard let length = wellFormedLength(bytes, at: index), length > 0 else { return false }
        index += length
    }
    return true
}

/// What a chunk of text says about its encoding.
enum EncodingEvidence {
    /// At least ten well-formed multi-byte UTF-8 characters for every malformed byte.
    case utf8
    /// More malformed bytes than that: a legacy encoding such as GB18030.
    case legacy
    /// No non-ASCII character yet, or only one cut off by the end of the chunk.
    case none
}

/// Weighs whether `bytes` are UTF-8 or a legacy encoding.
///
/// Text in GB18030 hardly ever forms a run of well-formed UTF-8, while a UTF-8 file with one damaged byte still
/// does; such a file is read as UTF-8 and the damaged row gets a `badEncoding` error instead of garbled text.
func encodingEvidence(_ bytes: [UInt8]) -> EncodingEvidence {
    bytes.withUnsafeBufferPointer(encodingEvidence)
}

private func encodingEvidence(_ bytes: UnsafeBufferPointer<UInt8>) -> EncodingEvidence {
    var wellFormed = 0
    var malformed = 0
    var index = 0
    while index < bytes.count {
        guard bytes[index] >= 0x80 else {
            index += 1
            continue
        }
        guard let length = wellFormedLength(bytes, at: index) else {
            malformed += 1
            index += 1
            continue
        }
        guard length > 0 else { break }
        wellFormed += 1
        index += length
    }
    guard wellFormed + malformed > 0 else { return .none }
    return wellFormed >= 10 * malformed ? .utf8 : .legacy
}

/// The length of the well-formed sequence at `index`; 0 when the bytes end inside a possible sequence; nil when
/// the bytes there are malformed.
private func wellFormedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    guard let (length, secondRange) = utf8Shape(of: bytes[index]) else { return nil }
    guard index + length <= bytes.count else {
        let rest = bytes[(index + 1)...]
        let isSecondPossible = rest.first.map { secondRange.contains($0) } ?? true
        return isSecondPossible && rest.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 } ? 0 : nil
    }
    guard secondRange.contains(bytes[index + 1]) else { return nil }
    for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
    return length
}

/// The length of the sequence a lead byte starts, and the bytes allowed right after it (RFC 3629 table).
private func utf8Shape(of lead: UInt8) -> (Int, ClosedRange<UInt8>)? {
    switch lead {
    case 0xC2...0xDF: (2, 0x80...0xBF)
    case 0xE0: (3, 0xA0...0xBF)
    case 0xED: (3, 0x80...0x9F)
    case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
    case 0xF0: (4, 0x90...0xBF)
    case 0xF1...0xF3: (4, 0x80...0xBF)
    case 0xF4: (4, 0x80...0x8F)
    default: nil
    }
}
