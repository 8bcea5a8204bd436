/// How much a log line matters, from the chattiest to the most urgent.
public enum LogLevel: Int, Comparable, Sendable, CaseIterable {
    /// Step-by-step detail, for a developer chasing one problem.
    case debug
    /// What the server did: a request answered, a server started or stopped.
    case info
    /// Something unexpected the server coped with.
    case warning
    /// Something failed and an answer or a job was lost.
    case error

    /// The name written in the `level=` field.
    public var name: String {
        switch self {
        case .debug: "debug"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }

    /// The level with this name, such as `info`; nil for an unknown name.
    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = level
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
