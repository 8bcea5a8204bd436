/// The limit on failed sign-ins for one key (an account or a network address): at most `limit` failures within
/// any `window` seconds; further attempts are refused, even with the right password, until the oldest of those
/// failures leaves the window.
public struct SignInThrottle: Sendable, Hashable {
    /// Failures allowed within the window.
    public var limit: Int
    /// The window, in seconds.
    public var window: Int64

    public init(limit: Int, window: Int64) {
        precondition(limit > 0 && window > 0, "a throttle needs a positive limit and window")
        self.limit = limit
        self.window = window
    }

    /// Five failures per account in 15 minutes.
    public static let perAccount = SignInThrottle(limit: 5, window: 15 * 60)
    /// Twenty failures per address in 15 minutes: an office behind one address has several people signing in.
    public static let perAddress = SignInThrottle(limit: 20, window: 15 * 60)

    /// How many seconds the next attempt must wait, or nil when it may go ahead.
    /// - Parameter failures: times (UTC seconds) of failed attempts for the key; older ones are ignored.
    public func retryAfter(failures: [Int64], now: Int64) -> Int64? {
        let recent = failures.filter { $0 > now - window && $0 <= now }.sorted(by: >)
        guard recent.count >= limit else { return nil }
        // The attempt may go ahead once only limit − 1 of these failures remain in the window, that is when the
        // limit-th newest one has left it.
        return max(1, recent[limit - 1] + window - now)
    }
}
