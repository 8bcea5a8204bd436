import Foundation

/// Which calendar day a moment belongs to in a company's time zone (an order paid at 2024-01-01 23:30 UTC is a
/// 2 January order in Asia/Shanghai).
public struct BusinessCalendar: Sendable {
    let timeZone: TimeZone
    /// The zone's offset from UTC in seconds when it has kept one offset since 2000 (Asia/Shanghai has since
    /// 1991), so conversions need no time-zone database lookup; nil for zones with daylight saving.
    private let fixedOffset: Int64?

    /// The IANA identifier, such as `Asia/Shanghai`.
    public var timeZoneIdentifier: String { timeZone.identifier }

    /// - Returns: nil when `identifier` is not a known IANA time zone.
    public init?(timeZoneIdentifier identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        timeZone = zone
        let since2000 = Date(timeIntervalSince1970: 946_684_800)
        fixedOffset =
            zone.nextDaylightSavingTimeTransition(after: since2000) == nil ? Int64(zone.secondsFromGMT()) : nil
    }

    /// The offset from UTC at `seconds`.
    private func offset(at seconds: Int64) -> Int64 {
        fixedOffset ?? Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// The local date of `seconds` (UTC seconds since 1970) as `yyyy-MM-dd`.
    public func day(of seconds: Int64) -> String {
        let local = seconds + offset(at: seconds)
        let days = Int64((Double(local) / 86_400).rounded(.down))
        return CivilDate.text(daysSince1970: days)
    }

    /// The UTC seconds of the local wall-clock time `yyyy-MM-dd HH:mm[:ss]` (also `/` as separator); nil when the
    /// text is not such a time.
    public func instant(ofLocal text: String) -> Int64? {
        guard let parts = LocalDateTime(text) else { return nil }
        let wall = parts.secondsAsIfUTC
        let guess = wall - offset(at: wall)
        return wall - offset(at: guess)
    }
}

/// A wall-clock date and time read from text such as `2010-12-01 08:26:00` or `2020/2/21 0:00`.
struct LocalDateTime {
    let year: Int64
    let month: Int64
    let day: Int64
    let seconds: Int64

    /// Reads the text byte by byte: numbers separated by `-` or `/` for the date, `:` for the time, and one space or
    /// `T` between them. Surrounding whitespace is ignored.
    init?(_ text: String) {
        let bytes = Array(text.trimmed.utf8)
        let split = bytes.firstIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "T") } ?? bytes.endIndex
        guard let date = Self.numbers(bytes[..<split], separators: [UInt8(ascii: "-"), UInt8(ascii: "/")]),
            date.count == 3
        else { return nil }
        let (year, month, day) = (date[0], date[1], date[2])
        guard (1970...2099).contains(year), (1...12).contains(month),
            (1...Self.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        var seconds: Int64 = 0
        if split < bytes.endIndex {
            guard let time = Self.numbers(bytes[(split + 1)...], separators: [UInt8(ascii: ":")]),
                (2...3).contains(time.count)
            else { return nil }
            let (hour, minute, second) = (time[0], time[1], time.count == 3 ? time[2] : 0)
            guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
            seconds = hour * 3600 + minute * 60 + second
        }
        self.year = year
        self.month = month
        self.day = day
        self.seconds = seconds
    }

    /// The number of days of a month of the Gregorian calendar.
    static func days(inMonth month: Int64, of year: Int64) -> Int64 {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The non-negative numbers of `bytes` split at any of `separators`, or nil when a part is empty, longer than
    /// four digits, or not digits.
    private static func numbers(_ bytes: ArraySlice<UInt8>, separators: [UInt8]) -> [Int64]? {
        var result: [Int64] = []
        var value: Int64 = 0
        var digits = 0
        for byte in bytes {
            if separators.contains(byte) {
                guard digits > 0 else { return nil }
                result.append(value)
                value = 0
                digits = 0
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 4 {
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        result.append(value)
        return result
    }

    /// Seconds since 1970 if this wall-clock time were in UTC (days-from-civil).
    var secondsAsIfUTC: Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + seconds
    }
}

/// Calendar dates from day counts, without the time-zone database.
public enum CivilDate {
    /// Whether `text` is exactly `yyyy-MM-dd` naming a day that exists: 2024-02-29 does, 2026-02-30 and 2026-13-01
    /// do not.
    public static func isDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            year >= 1, (1...12).contains(month)
        else { return false }
        return (1...LocalDateTime.days(inMonth: month, of: year)).contains(day)
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 as `yyyy-MM-dd` (Howard Hinnant's civil-from-days
    /// algorithm); negative counts give dates before 1970.
    public static func text(daysSince1970 days: Int64) -> String {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
