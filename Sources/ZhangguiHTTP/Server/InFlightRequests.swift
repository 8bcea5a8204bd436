import Foundation

/// Counts requests between their first byte of headers and their completion, so a graceful stop can wait for
/// them.
///
/// `@unchecked Sendable`: `count` is only read or written while `condition` is locked.
final class InFlightRequests: @unchecked Sendable {
    private let condition = NSCondition()
    private var count = 0

    func begin() {
        condition.withLock { count += 1 }
    }

    func end() {
        condition.withLock {
            count -= 1
            if count == 0 { condition.broadcast() }
        }
    }

    /// Waits until no request is in flight or `timeout` has passed; true when none is left.
    func waitUntilIdle(timeout: Duration) -> Bool {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let deadline = Date(timeIntervalSinceNow: seconds)
        return condition.withLock {
            while count > 0 {
                guard condition.wait(until: deadline) else { return count == 0 }
            }
            return true
        }
    }
}
