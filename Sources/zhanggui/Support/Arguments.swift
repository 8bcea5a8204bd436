/// The command line after the subcommand: positional values, `--name value` options and `--flag` switches.
struct Arguments: Sendable {
    private(set) var positional: [String] = []
    private var options: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Parses `words`, treating names in `flagNames` as switches without a value.
    init(_ words: [String], flagNames: Set<String>) throws(UsageError) {
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("--"), word.count > 2 else {
                positional.append(word)
                continue
            }
            var name = String(word.dropFirst(2))
            if let equals = name.firstIndex(of: "=") {
                options[String(name[..<equals]), default: []].append(String(name[name.index(after: equals)...]))
                continue
            }
            if flagNames.contains(name) {
                flags.insert(name)
                continue
            }
            guard index < words.count else { throw UsageError("--\(name) needs a value") }
            options[name, default: []].append(words[index])
            index += 1
            name = ""
        }
    }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    func option(_ name: String) -> String? { options[name]?.last }

    func options(_ name: String) -> [String] { options[name] ?? [] }

    func integer(_ name: String, default value: Int) throws(UsageError) -> Int {
        guard let text = option(name) else { return value }
        guard let number = Int(text), number > 0 else { throw UsageError("--\(name) needs a positive whole number") }
        return number
    }

    /// Fails on options the command does not know, so a typo is not silently ignored.
    func rejectUnknown(allowed: Set<String>) throws(UsageError) {
        for name in Set(options.keys).union(flags) where !allowed.contains(name) {
            throw UsageError("unknown option --\(name)")
        }
    }
}

/// A mistake in how the command was called; the tool prints it with the command's usage and exits 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
