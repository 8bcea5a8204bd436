import Testing
import ZhangguiCore

@Suite("Reading amounts from sellers' files")
struct MoneyParsingTests {
    @Test(
        "amounts as sellers write them are read to the fen",
        arguments: [
            ("1,299.00", 129_900),
            ("¥1299", 129_900),
            ("1299.5", 129_950),
            (" 12.30 ", 1230),
            ("￥ 8", 800),
            ("8元", 800),
            ("RMB 1,000,000.01", 100_000_001),
            ("-3.05", -305),
            ("0.5", 50),
            (".5", 50),
            ("12.300", 1230),
            ("0", 0),
        ] as [(String, Int64)]
    )
    func readsAmounts(text: String, fen: Int64) throws {
        #expect(try Money.parse(text) == Money(fen: fen))
    }

    @Test(
        "garbage is refused with a reason, never read as zero",
        arguments: [
            ("", MoneyParseError.Code.empty),
            ("   ", .empty),
            ("abc", .notANumber),
            ("12.3.4", .notANumber),
            ("1,29.00", .misplacedThousandsSeparator),
            ("0.001", .tooManyDecimals),
            ("12.", .notANumber),
            ("¥", .notANumber),
            ("99999999999999999999", .outOfRange),
            ("1 299", .notANumber),
        ]
    )
    func refusesGarbage(text: String, code: MoneyParseError.Code) {
        #expect(throws: MoneyParseError(code: code, text: text)) { try Money.parse(text) }
    }

    @Test("amounts print with two decimals")
    func printsTwoDecimals() {
        #expect(Money(fen: 129_900).decimalText == "1299.00")
        #expect(Money(fen: -5).decimalText == "-0.05")
    }
}

@Suite("Spreading an order discount over its lines")
struct MoneySpreadingTests {
    @Test("a 10.00 discount over 33.33, 33.33 and 33.34 sums exactly to 10.00")
    func spreadsDiscountExactly() {
        let parts = Money(fen: 1000).spread(over: [3333, 3333, 3334])
        // Exact shares: 3.333, 3.333, 3.334 → floors 3.33, 3.33, 3.33 (9.99); the last fen goes to the largest
        // remainder, the third line (0.4 fen against 0.3).
        #expect(parts.map(\.fen) == [333, 333, 334])
        #expect(parts.map(\.fen).reduce(0, +) == 1000)
    }

    @Test("equal remainders give the leftover fen to the earlier lines")
    func tiesGoToEarlierLines() {
        #expect(Money(fen: 100).spread(over: [1, 1, 1]).map(\.fen) == [34, 33, 33])
    }

    @Test("zero weights spread evenly and negative amounts keep their sign")
    func zeroWeightsAndNegatives() {
        #expect(Money(fen: 5).spread(over: [0, 0]).map(\.fen) == [3, 2])
        #expect(Money(fen: -1000).spread(over: [3333, 3333, 3334]).map(\.fen) == [-333, -333, -334])
    }
}
