import Foundation
import ZhangguiServices

/// A job that counts how often each tick ran, for every scheduler it is given to; it fails when told to.
final class CountingJob: ScheduledJob, @unchecked Sendable {
    let name: String
    let interval: Int64
    private let lock = NSLock()
    private var counts: [Int64: Int] = [:]
    private var failingTicks: Set<Int64>

    init(name: String = "counting", interval: Int64 = 60, failingTicks: Set<Int64> = []) {
        self.name = name
        self.interval = interval
        self.failingTicks = failingTicks
    }

    func run(_ context: JobContext) throws -> String {
        let fails = lock.withLock {
            counts[context.tick, default: 0] += 1
            return failingTicks.contains(context.tick)
        }
        if fails { throw CountingJobFailure(tick: context.tick) }
        return "tick \(context.tick) counted"
    }

    /// How many times each tick ran, over every company.
    var runsPerTick: [Int64: Int] {
        lock.withLock { counts }
    }
}

struct CountingJobFailure: Error, CustomStringConvertible {
    let tick: Int64
    var description: String { "tick \(tick) failed on purpose" }
}

/// A clock a test sets by hand, shared by the schedulers it drives.
final class HandClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Int64

    init(_ seconds: Int64) {
        self.seconds = seconds
    }

    var now: Int64 {
        get { lock.withLock { seconds } }
        set { lock.withLock { seconds = newValue } }
    }

    var reading: @Sendable () -> Int64 { { [self] in now } }
}
