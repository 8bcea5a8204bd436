/// The command line after the subcommand: positional values, `--name value` (or `--name=value`) options and
/// `--flag` switches. Only names the command declares are accepted, so a typo is an error rather than ignored.
struct Arguments: Sendable {
    private(set) var positional: [String] = []
    private var options: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Parses `words` against the command's switches (`flagNames`, no value) and options (`optionNames`, one value
    /// each, except those in `repeatableNames`, which may be given again, each value counting). `-h` is read as
    /// `--help`.
    /// - Throws: ``UsageError`` for an unknown name, a switch given a value, an option without one, or an option
    ///   given twice that does not repeat.
    init(
        _ words: [String],
        flagNames: Set<String>,
        optionNames: Set<String>,
        repeatableNames: Set<String> = []
    ) throws(UsageError) {
        var remaining = words[...]
        while let word = remaining.popFirst() {
            guard let (name, inlineValue) = Self.split(word) else {
                positional.append(word)
                continue
            }
            if flagNames.contains(name) {
                guard inlineValue == nil else { throw UsageError("--\(name) takes no value") }
                flags.insert(name)
            } else if optionNames.contains(name) {
                let value = try Self.value(of: name, inline: inlineValue, next: &remaining)
                guard options[name] == nil || repeatableNames.contains(name) else {
                    throw UsageError("--\(name) is given twice")
                }
                options[name, default: []].append(value)
            } else {
                let note = name == "db" ? " (this command makes its own database)" : ""
                throw UsageError("unknown option --\(name)\(note)")
            }
        }
    }

    /// The value of option `name`: its `=value`, or the next word — unless that word is itself an option, which
    /// means the value was left out (`--note --db x` must not take `--db` as the note). Empty values are refused.
    private static func value(of name: String, inline: String?, next remaining: inout ArraySlice<String>)
        throws(UsageError) -> String
    {
        if let inline {
            guard !inline.isEmpty else { throw UsageError("--\(name) needs a value") }
            return inline
        }
        guard let next = remaining.first, !next.isEmpty else { throw UsageError("--\(name) needs a value") }
        guard !next.hasPrefix("--") else {
            throw UsageError("--\(name) needs a value (write --\(name)=\(next) if that is the value)")
        }
        remaining.removeFirst()
        return next
    }

    /// The option name and any `=value` of `word`, or nil when the word is a positional value.
    private static func split(_ word: String) -> (name: String, value: String?)? {
        if word == "-h" { return ("help", nil) }
        guard word.hasPrefix("--"), word.count > 2 else { return nil }
        let body = word.dropFirst(2)
        guard let equals = body.firstIndex(of: "=") else { return (String(body), nil) }
        return (String(body[..<equals]), String(body[body.index(after: equals)...]))
    }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The option's value; the last one when it was given more than once.
    func option(_ name: String) -> String? { options[name]?.last }

    /// Every value of a repeatable option, in order.
    func options(_ name: String) -> [String] { options[name] ?? [] }

    /// The option as a whole number from 1 to a billion, or `value` when it is absent.
    func integer(_ name: String, default value: Int) throws(UsageError) -> Int {
        guard let text = option(name) else { return value }
        guard let number = Int(text), (1...1_000_000_000).contains(number) else {
            throw UsageError("--\(name) needs a whole number from 1 to 1000000000")
        }
        return number
    }

    /// Refuses too few or too many positional values, quoting the usage line when some are missing.
    func requirePositionals(_ allowed: ClosedRange<Int>, usage: String) throws(UsageError) {
        if positional.count > allowed.upperBound {
            let extra = positional.dropFirst(allowed.upperBound).map { "'\($0)'" }.joined(separator: " ")
            throw UsageError("unexpected argument\(positional.count - allowed.upperBound > 1 ? "s" : "") \(extra)")
        }
        if positional.count < allowed.lowerBound {
            throw UsageError("missing argument; \(usage)")
        }
    }
}
