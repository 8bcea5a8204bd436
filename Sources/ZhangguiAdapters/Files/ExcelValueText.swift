import Glibc

/// How Excel shows cell values in General format, as text.
// Known limitation: Excel shortens General numbers to fit the column (1.23457E+17 in a narrow column); we always
// write up to 15 significant digits in full, which is what an import needs and what a wide column shows.
enum ExcelValueText {
    /// A number as General format shows typical values: `12` not `12.0`, `1299.5`, and at most 15 significant
    /// digits, so binary noise such as `0.30000000000000004` reads `0.3`.
    ///
    /// Numbers from 1e-10 up to 1e21 are written out in full (`12345678901234600`); larger and smaller ones in
    /// Excel's scientific style (`1.5E+25`). Text that is not a number is returned unchanged.
    static func number(_ raw: String) -> String {
        if let plain = plainDecimal(raw) { return plain }
        guard let value = Double(raw), value.isFinite else { return raw }
        return number(value)
    }

    /// A number rounded to 15 significant digits, written as `number(_:)` describes.
    static func number(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        let (digits, exponent) = significantDigits(of: abs(value))
        let sign = value < 0 ? "-" : ""
        guard (-10...20).contains(exponent) else {
            let mantissa = digits.count > 1 ? "\(digits.prefix(1)).\(digits.dropFirst())" : digits
            let exponentSign = exponent < 0 ? "-" : "+"
            let exponentDigits = String(abs(exponent))
            return "\(sign)\(mantissa)E\(exponentSign)\(exponentDigits.count < 2 ? "0" : "")\(exponentDigits)"
        }
        if exponent < 0 { return "\(sign)0.\(String(repeating: "0", count: -exponent - 1))\(digits)" }
        if digits.count <= exponent + 1 {
            return sign + digits + String(repeating: "0", count: exponent + 1 - digits.count)
        }
        let point = digits.index(digits.startIndex, offsetBy: exponent + 1)
        return "\(sign)\(digits[..<point]).\(digits[point...])"
    }

    /// The digits of `value` rounded to 15 significant ones, without trailing zeros, and its decimal exponent:
    /// 1299.5 → ("12995", 3).
    private static func significantDigits(of value: Double) -> (String, Int) {
        var buffer = [CChar](repeating: 0, count: 40)
        let length = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, "%.14e", arguments) }
        }
        let printed = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let parts = printed.split(separator: "e")
        var digits = parts[0].filter { $0 != "." }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        return (String(digits), Int(parts[1]) ?? 0)
    }

    /// Fast path for plain decimals with at most 15 significant digits: trailing zeros of the fraction removed.
    private static func plainDecimal(_ raw: String) -> String? {
        let utf8 = raw.utf8
        let unsigned = utf8.first == UInt8(ascii: "-") ? utf8.dropFirst() : utf8[...]
        guard let first = unsigned.first, first != UInt8(ascii: "."), unsigned.last != UInt8(ascii: ".") else {
            return nil
        }
        var pointCount = 0
        var significant = 0
        for byte in unsigned {
            if byte == UInt8(ascii: ".") {
                pointCount += 1
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                if significant > 0 || byte != UInt8(ascii: "0") { significant += 1 }
            } else {
                return nil
            }
        }
        guard pointCount <= 1, significant <= 15 else { return nil }
        var text = Substring(raw)
        if pointCount == 1 {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        let isNegative = text.first == "-"
        var magnitude = isNegative ? text.dropFirst() : text
        while magnitude.count > 1 && magnitude.first == "0" && magnitude.dropFirst().first != "." {
            magnitude.removeFirst()
        }
        return (isNegative && magnitude != "0" ? "-" : "") + magnitude
    }
}
