/// The whole command line split at the command name: `zhanggui [--db PATH] [--data DIR] COMMAND [arguments]`.
///
/// The options every command shares may come before the command name; they are handed to the command as if they
/// had come after it, so the command still decides whether it takes them.
struct Invocation {
    /// The command's name, or nil when none was given.
    let commandName: String?
    /// Whether `--help`, `-h` or `help` came before the command name (or without one): `zhanggui help init` asks
    /// for the help of `init`.
    let asksForHelp: Bool
    /// The common options before the command name, as words (`--db`, `PATH`, …).
    let leadingOptions: [String]
    /// Everything after the command name.
    let rest: [String]

    /// The options that may come before the command name.
    static let leadingOptionNames: Set<String> = ["db", "data"]

    /// - Throws: ``UsageError`` for any other option before the command name, or a common option without a value.
    init(_ words: [String]) throws(UsageError) {
        var remaining = words[...]
        var leading: [String] = []
        var help = false
        var name: String?
        while name == nil, let word = remaining.popFirst() {
            if ["--help", "-h", "help"].contains(word) {
                help = true
            } else if word.hasPrefix("--") {
                let option = String(word.dropFirst(2).prefix { $0 != "=" })
                guard Self.leadingOptionNames.contains(option) else {
                    throw UsageError("unknown option \(word) before the command; only --db and --data may come first")
                }
                leading.append(word)
                if !word.contains("=") {
                    guard let value = remaining.popFirst() else { throw UsageError("--\(option) needs a value") }
                    leading.append(value)
                }
            } else {
                name = word
            }
        }
        commandName = name
        asksForHelp = help
        leadingOptions = leading
        rest = Array(remaining)
    }
}
