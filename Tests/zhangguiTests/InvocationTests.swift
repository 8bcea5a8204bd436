import Testing

@testable import zhanggui

@Suite("The command line up to the command name")
struct InvocationTests {
    @Test("--db and --data may come before the command and are handed to it")
    func leadingCommonOptions() throws {
        let invocation = try Invocation(["--db", "x.sqlite", "--data=Data", "check", "--limit", "3"])

        #expect(invocation.commandName == "check")
        #expect(invocation.leadingOptions == ["--db", "x.sqlite", "--data=Data"])
        #expect(invocation.rest == ["--limit", "3"])
        #expect(!invocation.asksForHelp)
    }

    @Test("any other option before the command is refused, naming it")
    func otherLeadingOption() {
        do {
            _ = try Invocation(["--limit", "3", "orders"])
            Issue.record("expected a usage error")
        } catch {
            #expect(
                error.description == "unknown option --limit before the command; only --db and --data may come first"
            )
        }
    }

    @Test("help before a command asks for that command's help; alone it asks for the list")
    func help() throws {
        let forInit = try Invocation(["help", "init"])
        #expect(forInit.commandName == "init")
        #expect(forInit.asksForHelp)
        let alone = try Invocation(["--help"])
        #expect(alone.commandName == nil)
        #expect(alone.asksForHelp)
    }

    @Test(
        "mistakes are usage errors (exit 2) found before any database is opened",
        arguments: [
            ["check", "--data"], ["--bogus", "check"], ["nonsense"], ["orders", "--bogus"],
            ["orders", "--limit", "-1"], ["check", "extra"], ["stock", "A", "B"], ["init", "--name", ""], ["admin"],
            ["init", "--warehouse", "A:甲:1:3x"], ["import", "widgets", "f.csv"], ["bench", "--db", "x.sqlite"],
            ["demo", "--db", "x.sqlite"], ["orders", "--state", "paid"], ["waybill", "--set-range", "ZG:ZG:9:1"],
            ["shop", "bogus"], ["shop", "add", "TB"],
            ["shop", "add", "TB", "--platform", "ebay", "--credentials", "f"],
            ["shop", "map-sku", "TB", "X"], ["shop", "set", "TB", "--share", "200"], ["shop", "log", "--limit", "0"],
            ["shop", "sync", "A", "B"], ["shop", "set", "TB", "--pause", "--resume"],
            ["reorder-point", "MUG", "MAIN"], ["reorder-point", "MUG", "MAIN", "many"], ["alerts", "--kind", "fire"],
            ["jobs", "--job-interval", "0"], ["jobs", "--held-hours", "x"], ["backup"], ["serve", "--held-hours", "0"],
        ]
    )
    func usageMistakes(words: [String]) {
        #expect(run(["--db", "/nonexistent/folder/never.sqlite"] + words) == 2)
    }
}
