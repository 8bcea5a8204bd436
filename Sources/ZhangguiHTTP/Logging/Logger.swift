import Foundation

/// A small structured logger: a constant message and dotted metadata keys, one `key=value` line per event.
///
/// ```
/// ts=2025-03-01T08:00:00.123Z level=info msg=request request.id=4f1c… http.method=GET http.status=200
/// ```
///
/// The message is a `StaticString`, so data can only travel in metadata, where each key names what it holds.
/// Callers must not put bodies, query strings, cookies, credentials or a person's name, phone or address in
/// metadata.
public struct Logger: Sendable {
    /// The lowest level written; quieter events are dropped.
    public var level: LogLevel
    private var metadata: [(key: String, value: String)]
    private let sink: any LogSink

    /// A logger writing to `sink` (standard error by default) at `level` and above.
    public init(level: LogLevel = .info, sink: any LogSink = StandardErrorSink()) {
        self.level = level
        self.metadata = []
        self.sink = sink
    }

    /// A copy of this logger that adds `key=value` to every line it writes, such as the request id.
    public func with(_ key: String, _ value: String) -> Logger {
        var copy = self
        copy.metadata.removeAll { $0.key == key }
        copy.metadata.append((key, value))
        return copy
    }

    /// Writes one line when `level` is at or above the logger's level.
    public func log(_ level: LogLevel, _ message: StaticString, _ metadata: KeyValuePairs<String, String> = [:]) {
        guard level >= self.level else { return }
        var fields: [(key: String, value: String)] = [
            ("ts", Self.timestamp()), ("level", level.name), ("msg", message.description),
        ]
        fields += self.metadata
        fields += metadata.map { ($0.key, $0.value) }
        sink.write(fields.map { "\($0.key)=\(Self.quoted($0.value))" }.joined(separator: " "))
    }

    public func debug(_ message: StaticString, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.debug, message, metadata)
    }

    public func info(_ message: StaticString, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.info, message, metadata)
    }

    public func warning(_ message: StaticString, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.warning, message, metadata)
    }

    public func error(_ message: StaticString, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.error, message, metadata)
    }

    /// A value as it appears after `=`: bare when it is a plain word, otherwise in double quotes with `"`, `\` and
    /// control characters escaped, so one event always stays on one line.
    static func quoted(_ value: String) -> String {
        let isPlain =
            !value.isEmpty
            && value.unicodeScalars.allSatisfy {
                $0.value > 0x20 && $0.value != 0x7F && !"\"=\\".unicodeScalars.contains($0)
            }
        guard !isPlain else { return value }
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                text += "\\u{\(String(scalar.value, radix: 16))}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// UTC time with milliseconds, such as `2025-03-01T08:00:00.123Z`.
    private static func timestamp() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
