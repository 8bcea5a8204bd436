import Foundation

/// Where finished log lines go.
public protocol LogSink: Sendable {
    /// Writes one line, without its line break.
    func write(_ line: String)
}

/// Writes each line to standard error, whole: lines from concurrent requests never interleave.
public struct StandardErrorSink: LogSink {
    /// One lock for every sink, since they share the one file descriptor. `NSLock` rather than `Mutex`: on Linux
    /// ThreadSanitizer cannot see `Mutex`'s futex and reports races it prevents.
    private static let lock = NSLock()

    public init() {}

    public func write(_ line: String) {
        let bytes = Data((line + "\n").utf8)
        Self.lock.withLock { FileHandle.standardError.write(bytes) }
    }
}

/// Keeps lines in memory, for tests that check what was logged.
///
/// `@unchecked Sendable`: `stored` is only touched while `lock` is held.
public final class MemoryLogSink: LogSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    public init() {}

    public func write(_ line: String) {
        lock.withLock { stored.append(line) }
    }

    /// Every line written so far, oldest first.
    public var lines: [String] {
        lock.withLock { stored }
    }
}
