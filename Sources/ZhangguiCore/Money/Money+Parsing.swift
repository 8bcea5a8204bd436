/// Why a text is not an amount of money.
public struct MoneyParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case empty
        case notANumber
        case tooManyDecimals
        case misplacedThousandsSeparator
        case outOfRange
    }

    public let code: Code
    /// The text as given, so an import error can show what was in the cell.
    public let text: String

    public init(code: Code, text: String) {
        self.code = code
        self.text = text
    }

    public var description: String {
        switch code {
        case .empty: "no amount given"
        case .notANumber: "'\(text)' is not an amount"
        case .tooManyDecimals: "'\(text)' has more than two decimal places"
        case .misplacedThousandsSeparator: "'\(text)' has a misplaced thousands separator"
        case .outOfRange: "'\(text)' is too large"
        }
    }
}

extension Money {
    /// Reads an amount as sellers' files write it: `1,299.00`, `¥1299`, `1299.5`, ` 12.30 `, `-3`, `RMB 8`, `8元`.
    ///
    /// Garbage is an error, never a silent zero. Decimals beyond two are accepted only when they are zeros
    /// (`12.300`); anything finer than a fen (`0.001`) is refused rather than rounded.
    /// - Throws: ``MoneyParseError`` naming what is wrong.
    public static func parse(_ text: String, currency: Currency = .cny) throws(MoneyParseError) -> Money {
        if let fen = plainDecimalFen(text) { return Money(fen: fen, currency: currency) }
        var body = Substring(text).trimmingWhitespace()
        guard !body.isEmpty else { throw MoneyParseError(code: .empty, text: text) }
        let isNegative = body.first == "-"
        if isNegative || body.first == "+" { body = body.dropFirst().trimmingWhitespace() }
        body = stripCurrencyMarks(body)
        guard !body.isEmpty else { throw MoneyParseError(code: .notANumber, text: text) }
        let fen = try fenValue(of: body, original: text)
        return Money(fen: isNegative ? -fen : fen, currency: currency)
    }

    /// The fast path for the common case, a plain `123` or `123.4` or `123.45` of up to 15 digits: its value in
    /// fen, or nil to take the full path.
    private static func plainDecimalFen(_ text: String) -> Int64? {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var wholeDigits = 0
        var fractionDigits = -1
        for byte in text.utf8 {
            if byte == UInt8(ascii: "."), fractionDigits < 0 {
                fractionDigits = 0
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let digit = Int64(byte - UInt8(ascii: "0"))
                if fractionDigits < 0 {
                    guard wholeDigits < 15 else { return nil }
                    whole = whole * 10 + digit
                    wholeDigits += 1
                } else {
                    guard fractionDigits < 2 else { return nil }
                    fraction = fraction * 10 + digit
                    fractionDigits += 1
                }
            } else {
                return nil
            }
        }
        guard wholeDigits > 0, fractionDigits != 0 else { return nil }
        return whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
    }

    private static let currencyPrefixes = ["¥", "￥", "CNY", "RMB"]
    private static let currencySuffixes = ["元", "CNY", "RMB"]

    private static func stripCurrencyMarks(_ text: Substring) -> Substring {
        var body = text
        for prefix in currencyPrefixes where body.hasPrefix(prefix) {
            body = body.dropFirst(prefix.count).trimmingWhitespace()
        }
        for suffix in currencySuffixes where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count).trimmingWhitespace()
        }
        return body
    }

    private static func fenValue(of body: Substring, original: String) throws(MoneyParseError) -> Int64 {
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw MoneyParseError(code: .notANumber, text: original) }
        let units = try wholeUnits(parts[0], original: original)
        let fraction = parts.count == 2 ? try fractionFen(parts[1], original: original) : 0
        guard parts[0].isEmpty == false || parts.count == 2 else {
            throw MoneyParseError(code: .notANumber, text: original)
        }
        let (scaled, overflow) = units.multipliedReportingOverflow(by: 100)
        guard !overflow, scaled <= Int64.max - fraction else {
            throw MoneyParseError(code: .outOfRange, text: original)
        }
        return scaled + fraction
    }

    private static func wholeUnits(_ text: Substring, original: String) throws(MoneyParseError) -> Int64 {
        if text.isEmpty { return 0 }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            let wellFormed =
                (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
            guard wellFormed else { throw MoneyParseError(code: .misplacedThousandsSeparator, text: original) }
        }
        var value: Int64 = 0
        for group in groups {
            for character in group {
                guard let digit = character.asciiDigit else { throw MoneyParseError(code: .notANumber, text: original) }
                let (product, overflowMultiply) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowAdd) = product.addingReportingOverflow(digit)
                guard !overflowMultiply, !overflowAdd else { throw MoneyParseError(code: .outOfRange, text: original) }
                value = sum
            }
        }
        return value
    }

    private static func fractionFen(_ text: Substring, original: String) throws(MoneyParseError) -> Int64 {
        guard !text.isEmpty else { throw MoneyParseError(code: .notANumber, text: original) }
        var digits: [Int64] = []
        for character in text {
            guard let digit = character.asciiDigit else { throw MoneyParseError(code: .notANumber, text: original) }
            digits.append(digit)
        }
        guard digits.dropFirst(2).allSatisfy({ $0 == 0 }) else {
            throw MoneyParseError(code: .tooManyDecimals, text: original)
        }
        let tenths = digits[0]
        let hundredths = digits.count > 1 ? digits[1] : 0
        return tenths * 10 + hundredths
    }
}

extension Character {
    /// The value of an ASCII digit `0`–`9`, or nil.
    var asciiDigit: Int64? {
        guard let ascii = asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int64(ascii - 48)
    }
}
