/// Plausibility rules for the receiver phone numbers Chinese platforms hand over.
public enum PhoneNumber {
    /// Whether `text` looks like a number a courier can call: a mainland mobile (`13800138000`, optionally with
    /// `+86`/`86`), a masked mobile as platforms give it (`138****8000`), a privacy number with its extension
    /// (`13800138000-1234`), or a landline with area code (`029-88880000`, `02988880000-12`).
    public static func isPlausible(_ text: String) -> Bool {
        var digits = Array(text.trimmed.utf8).filter { $0 != UInt8(ascii: " ") }
        if digits.starts(with: Array("+86".utf8)) { digits.removeFirst(3) }
        if digits.count == 13, digits.starts(with: Array("86".utf8)) { digits.removeFirst(2) }
        let parts = digits.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false).map(Array.init)
        guard let first = parts.first else { return false }
        if isMobile(first) { return parts.count == 1 || (parts.count == 2 && isExtension(parts[1])) }
        return isLandline(parts)
    }

    private static func isMobile(_ digits: [UInt8]) -> Bool {
        guard digits.count == 11, digits[0] == UInt8(ascii: "1") else { return false }
        guard (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(digits[1]) else { return false }
        let masked = digits[3..<7].allSatisfy { $0 == UInt8(ascii: "*") }
        let rest = masked ? Array(digits[0..<3] + digits[7...]) : digits
        return rest.allSatisfy(isDigit)
    }

    private static func isLandline(_ parts: [[UInt8]]) -> Bool {
        let joinedAreaAndNumber: [UInt8]
        let extensionPart: [UInt8]?
        if parts.count >= 2, (3...4).contains(parts[0].count), parts[0].first == UInt8(ascii: "0") {
            joinedAreaAndNumber = parts[0] + parts[1]
            extensionPart = parts.count == 3 ? parts[2] : nil
            guard parts.count <= 3, (7...8).contains(parts[1].count) else { return false }
        } else {
            joinedAreaAndNumber = parts[0]
            extensionPart = parts.count == 2 ? parts[1] : nil
            guard parts.count <= 2, joinedAreaAndNumber.first == UInt8(ascii: "0") else { return false }
        }
        guard (10...12).contains(joinedAreaAndNumber.count), joinedAreaAndNumber.allSatisfy(isDigit) else {
            return false
        }
        return extensionPart.map(isExtension) ?? true
    }

    private static func isExtension(_ digits: [UInt8]) -> Bool {
        (1...6).contains(digits.count) && digits.allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
