/// One subcommand of `zhanggui`.
struct Command: Sendable {
    let name: String
    /// One line for the command list.
    let summary: String
    /// The full help: usage line, what it does, options.
    let help: String
    let flags: Set<String>
    let options: Set<String>
    let run: @Sendable (Arguments) throws -> Int32

    init(
        name: String,
        summary: String,
        help: String,
        flags: Set<String> = [],
        options: Set<String> = [],
        run: @escaping @Sendable (Arguments) throws -> Int32
    ) {
        self.name = name
        self.summary = summary
        self.help = help
        self.flags = flags.union(["help"])
        self.options = options.union(["db", "data"])
        self.run = run
    }
}

/// Options every command takes.
let commonOptionsHelp = """
    Common options:
      --db PATH      the database file (default: $ZHANGGUI_DATABASE or ./zhanggui.sqlite)
      --data DIR     reference data folder holding divisions/ (default: $ZHANGGUI_DATA or ./Data)
      --help         this help
    """
