/// The timestamp formats the platforms put in requests and responses, converted from and to UTC milliseconds.
///
/// China has kept UTC+8 all year since 1991, so wall-clock texts are read and written at a fixed offset; the
/// host's time zone never matters.
public enum PlatformTimestamp {
    /// The offset of 北京时间 (GMT+8) from UTC, in milliseconds.
    public static let beijingOffsetMillis: Int64 = 8 * 3_600_000

    /// `yyyy-MM-dd HH:mm:ss` in GMT+8 (TOP, JD, PDD detail times); milliseconds are dropped (rounded down).
    public static func gmt8Text(millis: Int64) -> String {
        let local = floorDivide(millis + beijingOffsetMillis, 1000)
        let days = floorDivide(local, 86_400)
        let secondOfDay = local - days * 86_400
        let (year, month, day) = civilDate(daysSince1970: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
    }

    /// The UTC milliseconds of a `yyyy-MM-dd HH:mm:ss` text in GMT+8.
    /// - Throws: ``PlatformTimestampError`` when the text is not exactly that shape or names no real moment.
    public static func millis(gmt8Text text: String) throws(PlatformTimestampError) -> Int64 {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { throw PlatformTimestampError(text: text) }
        func number(_ range: Range<Int>) throws(PlatformTimestampError) -> Int64 {
            var value: Int64 = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                    throw PlatformTimestampError(text: text)
                }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let (year, month, day) = (try number(0..<4), try number(5..<7), try number(8..<10))
        let (hour, minute, second) = (try number(11..<13), try number(14..<16), try number(17..<19))
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60,
            second < 60
        else { throw PlatformTimestampError(text: text) }
        let days = daysSince1970(year: year, month: month, day: day)
        return (days * 86_400 + hour * 3600 + minute * 60 + second) * 1000 - beijingOffsetMillis
    }

    /// Unix seconds (PDD, 抖店, XHS requests), rounded down.
    public static func seconds(millis: Int64) -> Int64 {
        floorDivide(millis, 1000)
    }

    /// Unix seconds as the decimal text requests carry.
    public static func secondsText(millis: Int64) -> String {
        String(seconds(millis: millis))
    }

    /// Unix milliseconds as the decimal text requests carry (快手).
    public static func millisText(millis: Int64) -> String {
        String(millis)
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (the civil-from-days algorithm, inverted).
    static func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilDate(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A platform timestamp text that is not `yyyy-MM-dd HH:mm:ss` or names no real moment.
public struct PlatformTimestampError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as received (a time, never personal data).
    public let text: String

    public var description: String { "'\(text)' is not a time of the form yyyy-MM-dd HH:mm:ss" }
}
