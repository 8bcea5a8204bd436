import Testing
import ZhangguiServices

@testable import zhanggui

@Suite("zhanggui split, merge and unmerge read their arguments")
struct SplitMergeCommandTests {
    @Test("LINE moves the whole line, LINE:UNITS that many units", arguments: [("2", 2, nil), ("1:10", 1, 10)])
    func moves(text: String, line: Int64, units: Int64?) throws {
        #expect(try SplitMergeCommands.lineMove(text) == LineMove(lineNo: line, quantity: units))
    }

    @Test("anything else is a usage mistake", arguments: ["0", "x", "1:", "1:0", "1:-2", ":3", "1:2:3", "-1"])
    func badMoves(text: String) {
        #expect(throws: UsageError.self) { try SplitMergeCommands.lineMove(text) }
    }

    @Test("each command has help and is listed", arguments: ["split", "merge", "unmerge"])
    func listed(name: String) throws {
        let command = try #require(Commands.all.first { $0.name == name })
        #expect(command.usageLine.hasPrefix("Usage: zhanggui \(name) ORDER"))
        #expect(run(command, words: ["--help"]) == 0)
        #expect(run(command, words: []) == 2)
    }
}
