import ZhangguiCore

/// Excel date serial numbers as text.
///
/// In the 1900 date system, serial 1 is 1900-01-01 and serial 60 is 1900-02-29, a day that never existed but that
/// Excel keeps for compatibility with Lotus 1-2-3; so serials from 61 on are one day later than a plain count of
/// days gives. In the 1904 system, serial 0 is 1904-01-01. The fraction is the time of day.
enum ExcelDate {
    /// Days from 1900-01-01 back to 1970-01-01, the Unix epoch.
    private static let epochOffset1900 = 25_567
    /// Days from 1904-01-01 back to 1970-01-01.
    private static let epochOffset1904 = 24_107

    /// `yyyy-MM-dd HH:mm:ss`, rounded to the nearest second, or `yyyy-MM-dd` when the time is exactly midnight.
    ///
    /// A serial below 1 in the 1900 system (a time with no date) gives `HH:mm:ss`. Serials that are negative or
    /// beyond the year 9999 give nil, and the caller shows the number instead.
    static func text(serial: Double, uses1904Dates: Bool = false) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let totalSeconds = Int((serial * 86_400).rounded())
        let serialDay = totalSeconds / 86_400
        let time = timeText(seconds: totalSeconds % 86_400)
        let date: String
        if uses1904Dates {
            date = dateText(daysSinceEpoch: serialDay - epochOffset1904)
        } else if serialDay == 0 {
            return time ?? "00:00:00"
        } else if serialDay == 60 {
            date = "1900-02-29"
        } else {
            let fictionalDays = serialDay > 60 ? 1 : 0
            date = dateText(daysSinceEpoch: serialDay - 1 - fictionalDays - epochOffset1900)
        }
        guard let time else { return date }
        return date + " " + time
    }

    /// `HH:mm:ss`, or nil for midnight.
    private static func timeText(seconds: Int) -> String? {
        guard seconds > 0 else { return nil }
        return "\(twoDigits(seconds / 3600)):\(twoDigits(seconds / 60 % 60)):\(twoDigits(seconds % 60))"
    }

    private static func dateText(daysSinceEpoch days: Int) -> String {
        CivilDate.text(daysSince1970: Int64(days))
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
