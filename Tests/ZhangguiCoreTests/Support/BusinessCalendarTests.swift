import Testing
import ZhangguiCore

@Suite("Which day an order belongs to")
struct BusinessCalendarTests {
    @Test("an order paid 2024-01-01 23:30 UTC is a 2 January order in Shanghai and a 1 January order in London")
    func dayDependsOnCompanyTimeZone() throws {
        let seconds: Int64 = 1_704_151_800  // 2024-01-01T23:30:00Z
        #expect(try #require(BusinessCalendar(timeZoneIdentifier: "Asia/Shanghai")).day(of: seconds) == "2024-01-02")
        #expect(try #require(BusinessCalendar(timeZoneIdentifier: "Europe/London")).day(of: seconds) == "2024-01-01")
    }

    @Test("local wall-clock times are read in the company's zone")
    func readsLocalTimes() throws {
        let shanghai = try #require(BusinessCalendar(timeZoneIdentifier: "Asia/Shanghai"))
        // 2010-12-01 08:26 in Shanghai (UTC+8) is 00:26 UTC: 2010-12-01 is day 14,944 since 1970
        // (40 × 365 + 10 leap days + 334), so 14,944 × 86,400 + 26 × 60 = 1,291,163,160.
        #expect(shanghai.instant(ofLocal: "2010-12-01 08:26:00") == 1_291_163_160)
        #expect(shanghai.instant(ofLocal: "2010/12/1 8:26") == 1_291_163_160)
        #expect(shanghai.instant(ofLocal: "not a date") == nil)
        #expect(shanghai.instant(ofLocal: "2010-13-01") == nil)
    }

    @Test("an unknown zone is refused")
    func unknownZone() {
        #expect(BusinessCalendar(timeZoneIdentifier: "Mars/Olympus") == nil)
    }
}

@Suite("Only real calendar days are read")
struct CalendarDayTests {
    @Test(
        "impossible days are refused, not rolled over into the next month",
        arguments: [
            "2024-02-30", "2023-02-29", "2024-04-31", "1900-02-29 00:00", "9999-12-31", "2024-13-01",
            "2024-06-18 25:00",
        ]
    )
    func impossibleDaysAreRefused(text: String) throws {
        #expect(try #require(BusinessCalendar(timeZoneIdentifier: "UTC")).instant(ofLocal: text) == nil)
    }

    @Test("29 February exists in leap years, 2000 included")
    func leapDays() throws {
        let utc = try #require(BusinessCalendar(timeZoneIdentifier: "UTC"))
        // 2024-02-29 is day 19,782 since 1970: 54 years of 365 days + 13 leap days + 31 + 28.
        #expect(utc.instant(ofLocal: "2024-02-29") == Int64(19_782) * 86_400)
        #expect(utc.instant(ofLocal: "2000-02-29") != nil)
    }

    @Test(
        "a filter day is yyyy-MM-dd naming a day that exists",
        arguments: [
            ("2024-02-29", true), ("2000-02-29", true), ("2026-12-31", true), ("1900-02-29", false),
            ("2026-02-29", false), ("2026-02-30", false), ("2026-13-01", false), ("2026-00-10", false),
            ("2026-04-31", false), ("2026-4-01", false), ("2026/04/01", false), ("2026-04-0１", false),
        ]
    )
    func filterDays(text: String, exists: Bool) {
        #expect(CivilDate.isDay(text) == exists)
    }
}
