import Testing

@testable import zhanggui

@Suite("Reading a command's arguments")
struct ArgumentsTests {
    private func parse(_ words: [String]) throws(UsageError) -> Arguments {
        try Arguments(
            words,
            flagNames: ["help", "dry-run"],
            optionNames: ["db", "limit", "warehouse"],
            repeatableNames: ["warehouse"]
        )
    }

    @Test("options, switches and positional values are told apart, in either option form")
    func mixedWords() throws {
        let arguments = try parse(["orders", "--limit", "5", "--dry-run", "--db=a.sqlite", "file.csv"])

        #expect(arguments.positional == ["orders", "file.csv"])
        #expect(arguments.option("limit") == "5")
        #expect(arguments.option("db") == "a.sqlite")
        #expect(arguments.flag("dry-run"))
        #expect(!arguments.flag("help"))
    }

    @Test("--warehouse may be repeated and keeps every value in order; other options may not")
    func repeatedOption() throws {
        let arguments = try parse(["--warehouse", "A:甲", "--warehouse", "B:乙", "--db", "x"])

        #expect(arguments.options("warehouse") == ["A:甲", "B:乙"])
        #expect(throws: UsageError.self) { try parse(["--db", "x", "--db", "y"]) }
    }

    @Test("an option followed by another option has no value: the next option is not taken as its value")
    func optionIsNotAValue() {
        #expect(throws: UsageError.self) { try parse(["--note", "--db", "x"]) }
        #expect(throws: UsageError.self) { try parse(["--db", ""]) }
    }

    @Test(
        "a mistake is named as it is",
        arguments: [
            (["--bogus"], "unknown option --bogus"),
            (["--bogus", "value"], "unknown option --bogus"),
            (["--dry-run=yes"], "--dry-run takes no value"),
            (["--limit"], "--limit needs a value"),
        ]
    )
    func mistakes(words: [String], message: String) {
        do {
            _ = try parse(words)
            Issue.record("expected a usage error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("-h asks for help; a word after an option is its value even when it starts with a dash")
    func helpAndDashValues() throws {
        #expect(try parse(["-h"]).flag("help"))
        #expect(try parse(["--limit", "-1"]).option("limit") == "-1")
    }

    @Test(
        "a whole-number option must lie between 1 and a billion",
        arguments: ["0", "-1", "ten", "1000000001", "9223372036854775807"]
    )
    func badWholeNumbers(text: String) throws {
        #expect(throws: UsageError.self) { try parse(["--limit", text]).integer("limit", default: 50) }
    }

    @Test("a whole-number option takes its default when absent")
    func wholeNumberDefault() throws {
        #expect(try parse([]).integer("limit", default: 50) == 50)
        #expect(try parse(["--limit", "7"]).integer("limit", default: 50) == 7)
    }

    @Test("extra positional values are named; missing ones quote the usage line")
    func positionalCounts() throws {
        do {
            try parse(["check", "extra", "more"]).requirePositionals(0...1, usage: "Usage: zhanggui stock [SKU]")
            Issue.record("expected a usage error")
        } catch {
            #expect(error.description == "unexpected arguments 'extra' 'more'")
        }
        do {
            try parse([]).requirePositionals(1...Int.max, usage: "Usage: zhanggui approve ORDER...")
            Issue.record("expected a usage error")
        } catch {
            #expect(error.description == "missing argument; Usage: zhanggui approve ORDER...")
        }
        try parse(["A"]).requirePositionals(0...1, usage: "")
    }
}
