import Foundation

/// The simulator's clock: the real time shifted by an offset, or frozen at one instant. Tests freeze it and move
/// it by hand; a demo lets it run.
public struct SimClock: Sendable {
    private var offsetMillis: Int64 = 0
    private var frozenMillis: Int64?

    public init() {}

    /// Now, in UTC milliseconds since 1970.
    public var nowMillis: Int64 {
        frozenMillis ?? Self.realMillis() + offsetMillis
    }

    /// Whether the clock stands still until moved.
    public var isFrozen: Bool { frozenMillis != nil }

    /// Sets the time; a frozen clock stays frozen at `millis`, a running one runs on from it.
    public mutating func set(millis: Int64, frozen: Bool) {
        if frozen {
            frozenMillis = millis
        } else {
            frozenMillis = nil
            offsetMillis = millis - Self.realMillis()
        }
    }

    /// Moves the clock forward (or back, for a negative amount).
    public mutating func advance(millis: Int64) {
        if let frozen = frozenMillis {
            frozenMillis = frozen + millis
        } else {
            offsetMillis += millis
        }
    }

    static func realMillis() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
