/// One subcommand of `zhanggui`.
struct Command: Sendable {
    let name: String
    /// One line for the command list.
    let summary: String
    /// The full help: usage line, what it does, options.
    let help: String
    /// Switches without a value; `help` is always among them.
    let flags: Set<String>
    /// Options with a value, the common ones it takes included.
    let options: Set<String>
    /// The options that may be given more than once, each value counting.
    let repeatable: Set<String>
    /// How many positional values it takes.
    let positionals: ClosedRange<Int>
    let run: @Sendable (Arguments) throws -> Int32

    /// - Parameters:
    ///   - positionals: how many positional values the command takes (none unless said).
    ///   - common: the common options it takes: `db` and `data` unless it makes its own database.
    init(
        name: String,
        summary: String,
        help: String,
        flags: Set<String> = [],
        options: Set<String> = [],
        repeatable: Set<String> = [],
        positionals: ClosedRange<Int> = 0...0,
        common: Set<String> = ["db", "data"],
        run: @escaping @Sendable (Arguments) throws -> Int32
    ) {
        self.name = name
        self.summary = summary
        self.help = help
        self.flags = flags.union(["help"])
        self.options = options.union(common)
        self.repeatable = repeatable
        self.positionals = positionals
        self.run = run
    }

    /// The first line of the help, such as `Usage: zhanggui stock [SKU] [--ledger] [--limit N]`.
    var usageLine: String {
        String(help.prefix { $0 != "\n" })
    }

    /// The help of the common options this command takes.
    var commonOptionsHelp: String {
        var lines = ["Common options:"]
        if options.contains("db") {
            lines.append("  --db PATH      the database: an SQLite file, or a postgres:// URL for PostgreSQL (default:")
            lines.append("                 $ZHANGGUI_DATABASE or ./zhanggui.sqlite)")
        }
        if options.contains("data") {
            lines.append("  --data DIR     reference data folder holding divisions/ (default: $ZHANGGUI_DATA, ./Data,")
            lines.append("                 or the Data folder of the repository the tool was built in)")
        }
        lines.append("  --help         this help")
        return lines.joined(separator: "\n")
    }
}
