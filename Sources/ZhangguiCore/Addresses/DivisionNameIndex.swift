/// The names of the divisions under one parent, full and short, each pointing to a code.
///
/// Under one key a current name beats an alias. Two current names with the same key make it ambiguous, so it
/// matches nothing (和田市 and 和田县 share the short form `和田`). Between aliases the first one added keeps a full
/// name, and a short form claimed by two successors is ambiguous.
struct DivisionNameIndex: Sendable {
    /// Whether a name is a division's current name or an alias; current names win.
    enum Standing: Int, Sendable {
        case alias = 0
        case current = 1
    }

    private struct Entry: Sendable {
        /// Nil when the key is ambiguous.
        var code: String?
        var standing: Standing
    }

    private var fullNames: [String: Entry] = [:]
    private var shortForms: [String: Entry] = [:]

    /// Adds a division's name (or an alias) under its full name and its short form.
    mutating func add(name: String, code: String, standing: Standing) {
        let full = DivisionName.normalized(name)
        Self.insert(code, standing: standing, at: full, into: &fullNames, aliasesKeepFirst: true)
        Self.insert(
            code,
            standing: standing,
            at: DivisionName.shortForm(full),
            into: &shortForms,
            aliasesKeepFirst: false
        )
    }

    /// The code a normalised name stands for, nil when none or ambiguous. A full name, current or old, is tried
    /// before short forms: `庐山区` is the old name of 濂溪区, not the short form of 庐山市.
    func code(for name: String) -> String? {
        if let entry = fullNames[name] { return entry.code }
        return shortForms[DivisionName.shortForm(name)]?.code
    }

    /// Whether the name is known here at all, even if ambiguous.
    func contains(_ name: String) -> Bool {
        fullNames[name] != nil || shortForms[DivisionName.shortForm(name)] != nil
    }

    private static func insert(
        _ code: String,
        standing: Standing,
        at key: String,
        into table: inout [String: Entry],
        aliasesKeepFirst: Bool
    ) {
        guard let existing = table[key], existing.standing.rawValue >= standing.rawValue else {
            table[key] = Entry(code: code, standing: standing)
            return
        }
        guard existing.standing == standing, existing.code != code else { return }
        if standing == .current || !aliasesKeepFirst {
            table[key] = Entry(code: nil, standing: standing)
        }
    }
}
