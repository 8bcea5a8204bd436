import Foundation

/// A thread that runs a ``Scheduler``'s due ticks at once, then again at each tick's start, until stopped.
///
/// `@unchecked Sendable`: `isStopping` is only touched while `condition` is locked; the thread is only started in
/// `init` and only joined through `finished`.
public final class SchedulerLoop: @unchecked Sendable {
    private let scheduler: Scheduler
    private let condition = NSCondition()
    private var isStopping = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the loop. `onRun` gets each run this process did; `onError` a pass that failed (the database
    /// unreachable, say), after which the loop waits for the next tick and tries again.
    /// - Parameter longestWait: the most seconds between two passes, so a clock change is caught up with.
    public init(
        _ scheduler: Scheduler,
        longestWait: Int64 = 60,
        onRun: @escaping @Sendable (JobRunReport) -> Void,
        onError: @escaping @Sendable (any Error) -> Void
    ) {
        self.scheduler = scheduler
        let thread = Thread { [self] in
            defer { finished.signal() }
            repeat {
                do {
                    for report in try scheduler.runDue() { onRun(report) }
                } catch {
                    onError(error)
                }
            } while waitForNextTick(longestWait: longestWait)
        }
        thread.name = "zhanggui-scheduler"
        thread.start()
    }

    /// Asks the loop to stop and waits for the pass in progress, if any, to end.
    public func stop() {
        condition.withLock {
            isStopping = true
            condition.broadcast()
        }
        finished.wait()
    }

    /// Sleeps until the next tick begins (at most `longestWait` seconds); false when asked to stop meanwhile.
    private func waitForNextTick(longestWait: Int64) -> Bool {
        let now = scheduler.now
        let seconds = max(1, min(longestWait, scheduler.nextTickStart(after: now) - now))
        let deadline = Date(timeIntervalSinceNow: TimeInterval(seconds))
        condition.lock()
        defer { condition.unlock() }
        while !isStopping, condition.wait(until: deadline) {}
        return !isStopping
    }
}
