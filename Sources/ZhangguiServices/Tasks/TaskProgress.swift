internal import Synchronization

/// How far a running task got, as its page shows it: the phase it is in (`reading`, `writing`, `rendering`,
/// `windows`, …) and `done` of `total` units of that phase. The units follow the phase: bytes of the file while an
/// import reads it, records while it writes, labels while a batch is drawn, sync windows while a backfill runs.
public struct TaskProgress: Sendable, Equatable {
    public let phase: String
    public let done: Int64
    public let total: Int64

    public init(phase: String, done: Int64, total: Int64) {
        self.phase = phase
        self.done = max(0, min(done, total))
        self.total = max(0, total)
    }
}

/// The latest progress of each task running in this process, kept in memory.
///
/// A task's work reports here as often as it likes, even from inside its own write transaction: setting a value
/// takes a lock held for a moment and never touches the database, so it cannot wait for the single SQLite writer
/// the work itself holds. The task's page reads it for tasks of this process; the table holds what was last
/// written between transactions.
final class ProgressBoard: Sendable {
    private let entries = Mutex<[Int64: TaskProgress]>([:])

    func set(_ progress: TaskProgress, for taskID: Int64) {
        entries.withLock { $0[taskID] = progress }
    }

    func progress(of taskID: Int64) -> TaskProgress? {
        entries.withLock { $0[taskID] }
    }

    func remove(_ taskID: Int64) {
        _ = entries.withLock { $0.removeValue(forKey: taskID) }
    }
}
