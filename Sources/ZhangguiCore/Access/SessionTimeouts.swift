/// How long a signed-in session lasts: it ends after `idle` seconds without a request, and `absolute` seconds after
/// sign-in however active it was.
public struct SessionTimeouts: Sendable, Hashable {
    public var idle: Int64
    public var absolute: Int64

    public init(idle: Int64, absolute: Int64) {
        precondition(idle > 0 && absolute > 0, "session timeouts must be positive")
        self.idle = idle
        self.absolute = absolute
    }

    /// 12 hours idle, 7 days at most.
    public static let standard = SessionTimeouts(idle: 12 * 3600, absolute: 7 * 86_400)

    /// Whether a session signed in at `createdAt` and last used at `lastSeenAt` has ended at `now`.
    public func hasExpired(createdAt: Int64, lastSeenAt: Int64, now: Int64) -> Bool {
        now >= createdAt + absolute || now >= lastSeenAt + idle
    }

    /// When the session ends if it is not used again.
    public func expiry(createdAt: Int64, lastSeenAt: Int64) -> Int64 {
        min(createdAt + absolute, lastSeenAt + idle)
    }
}
