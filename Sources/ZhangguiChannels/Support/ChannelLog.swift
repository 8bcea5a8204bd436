#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Where the channels report what an operator should know: constant messages with dotted metadata keys.
///
/// Channels log only facts about the exchange (platform, method, page, counts, defaults in use), never a request
/// or answer body, a URL's query, a token, a secret or a receiver's name, phone or address.
public struct ChannelLog: Sendable {
    public enum Level: String, Sendable, Comparable {
        case debug, info, warning

        public static func < (lhs: Level, rhs: Level) -> Bool {
            let order: [Level] = [.debug, .info, .warning]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// Receives each event: a level, a constant message and its metadata.
    public typealias Handler = @Sendable (Level, StaticString, [(String, String)]) -> Void

    private let handler: Handler

    public init(handler: @escaping Handler) {
        self.handler = handler
    }

    /// Writes `level=… msg=… key=value…` lines to standard error.
    public static let standardError = ChannelLog { level, message, metadata in
        let fields = [("level", level.rawValue), ("msg", message.description)] + metadata
        let line = fields.map { "\($0.0)=\(quoted($0.1))" }.joined(separator: " ") + "\n"
        _ = line.withCString { fputs($0, stderr) }
    }

    /// Drops every event.
    public static let silent = ChannelLog { _, _, _ in }

    public func log(_ level: Level, _ message: StaticString, _ metadata: [(String, String)] = []) {
        handler(level, message, metadata)
    }
}

/// A value as written after `=`: bare when it has no space, quote or backslash, else in double quotes.
private func quoted(_ value: String) -> String {
    guard value.contains(where: { $0 == " " || $0 == "\"" || $0 == "\\" }) || value.isEmpty else { return value }
    return "\"" + value.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
}
