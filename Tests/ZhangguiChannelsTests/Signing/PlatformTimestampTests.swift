import Testing
import ZhangguiChannels

@Suite("Platform timestamps in GMT+8, seconds and milliseconds")
struct PlatformTimestampTests {
    @Test(
        "GMT+8 texts are eight hours ahead of UTC",
        arguments: [
            ("2016-01-01 12:00:00", Int64(1_451_620_800_000)),
            ("2023-11-15 06:13:20", 1_700_000_000_000),
            ("1970-01-01 08:00:00", 0),
            ("2024-02-29 23:59:59", 1_709_222_399_000),
            ("2025-01-01 00:00:00", 1_735_660_800_000),
        ]
    )
    func roundTrip(text: String, millis: Int64) throws {
        #expect(try PlatformTimestamp.millis(gmt8Text: text) == millis)
        #expect(PlatformTimestamp.gmt8Text(millis: millis) == text)
    }

    @Test("milliseconds are dropped when writing a text")
    func dropsMilliseconds() {
        #expect(PlatformTimestamp.gmt8Text(millis: 1_700_000_000_999) == "2023-11-15 06:13:20")
        #expect(PlatformTimestamp.gmt8Text(millis: -1) == "1970-01-01 07:59:59")
    }

    @Test(
        "texts of another shape or naming no real moment are refused",
        arguments: [
            "", "2016-1-01 12:00:00", "2023-02-29 00:00:00", "2016-01-01T12:00:00", "2016-01-01 24:00:00",
            "2016-13-01 00:00:00", "2016-01-01 12:00:00.5", "abcd-01-01 12:00:00",
        ]
    )
    func refusesBadTexts(text: String) {
        #expect(throws: PlatformTimestampError.self) { try PlatformTimestamp.millis(gmt8Text: text) }
    }

    @Test("seconds round down, milliseconds are written as they are")
    func secondsAndMillis() {
        #expect(PlatformTimestamp.secondsText(millis: 1_700_002_000_999) == "1700002000")
        #expect(PlatformTimestamp.seconds(millis: -1) == -1)
        #expect(PlatformTimestamp.millisText(millis: 1_700_002_000_000) == "1700002000000")
    }
}
