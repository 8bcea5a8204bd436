import Foundation

/// How a write transaction that lost a conflict with another writer (a serialization failure or a deadlock) is run
/// again.
///
/// The first attempts run beside other writers. When they keep losing, the rest run alone: they take the writers'
/// lock in exclusive mode, which waits for the writers in progress to finish and keeps new ones waiting, so such an
/// attempt cannot lose a conflict to another Zhanggui writer. A busy item (the last units of a SKU) therefore
/// cannot starve a writer, and every retry stays bounded.
struct WriteRetryPolicy: Sendable {
    /// Attempts in all, the first included: the first and up to five retries.
    var maximumAttempts = 6
    /// Attempts that run beside other writers before the rest run alone.
    var sharedAttempts = 2
    /// The longest pause before a retry, in seconds.
    var maximumPause = 0.05

    /// Whether attempt `attempt` (1 for the first) runs alone among writers.
    func isExclusive(_ attempt: Int) -> Bool {
        attempt > sharedAttempts
    }

    /// Waits a random moment before attempt `attempt + 1`, longer after each failure, so writers that collided do
    /// not collide again in step.
    func pause(after attempt: Int) {
        let ceiling = min(maximumPause, 0.002 * Double(1 << min(attempt, 10)))
        Thread.sleep(forTimeInterval: Double.random(in: 0...ceiling))
    }
}
