/// Where the database lives, chosen by one setting: a file path means the embedded SQLite engine (the default), a
/// `postgres://` or `postgresql://` URL the PostgreSQL engine.
public enum DatabaseLocation: Sendable, Hashable {
    /// An SQLite file, or `:memory:`.
    case sqlite(path: String)
    /// A PostgreSQL database, by libpq URL.
    case postgres(url: String)

    /// Reads the setting: a URL with the `postgres` or `postgresql` scheme (any letter case), else a path.
    public init(_ text: String) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            self = .sqlite(path: text)
        }
    }

    /// Opens the database the setting names. Migrations are the caller's: see ``Migrator``.
    /// - Throws: ``DatabaseError`` of kind `cannotOpen` when the file or server cannot be opened.
    public static func open(_ text: String) throws -> any Database {
        try DatabaseLocation(text).open()
    }

    /// Opens the database at this location.
    /// - Throws: ``DatabaseError`` of kind `cannotOpen` when the file or server cannot be opened.
    public func open() throws -> any Database {
        switch self {
        case .sqlite(let path): try SQLiteDatabase(path: path)
        case .postgres(let url): try PostgresDatabase(url: url)
        }
    }

    /// The location for messages and logs: the path, or the URL with any password replaced by `***`.
    public var displayName: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): Self.withoutPassword(url)
        }
    }

    /// `url` with the password of its user part and any `password=` query option masked.
    private static func withoutPassword(_ url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { "/?".contains($0) }) ?? rest.endIndex
        var authority = String(rest[..<authorityEnd])
        if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
            authority.replaceSubrange(authority.index(after: colon)..<at, with: "***")
        }
        let queryStart = rest[authorityEnd...].firstIndex(of: "?") ?? rest.endIndex
        let options = rest[queryStart...].dropFirst().split(separator: "&", omittingEmptySubsequences: false).map {
            $0.lowercased().hasPrefix("password=") ? "password=***" : String($0)
        }
        let query = queryStart == rest.endIndex ? "" : "?" + options.joined(separator: "&")
        return url[..<schemeEnd.upperBound] + authority + rest[authorityEnd..<queryStart] + query
    }
}
