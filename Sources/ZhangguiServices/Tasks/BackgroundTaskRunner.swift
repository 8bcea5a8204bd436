internal import Dispatch
internal import Foundation
internal import Glibc
public import ZhangguiStore

/// Runs long work (an import, a batch of labels) on a queue of the server process, one task at a time, recording
/// each task's state, progress and result in `background_tasks` so a page can show it and a user can leave and
/// come back. Every record is written in a small transaction of its own, never inside the work's transactions.
///
/// A task does not survive its process: ``interruptUnfinished()`` marks what a stopped server of this host left
/// queued or running as interrupted, so nothing is lost silently. Each task records its runner as "HOST PID"; a
/// task of a process still alive on this host, or of another host, is left to its runner.
public final class BackgroundTaskRunner: Sendable {
    let database: any Database
    /// The directory result files are kept in, created when missing.
    public let resultsDirectory: String
    private let queue = DispatchQueue(label: "zhanggui.background-tasks")
    private let clock: @Sendable () -> Int64
    private let board = ProgressBoard()
    /// This process, as tasks record their runner: "HOST PID".
    public let identity: String

    /// - Parameter clock: the current time in UTC seconds; the system clock unless a test fixes it.
    public init(database: any Database, resultsDirectory: String, clock: (@Sendable () -> Int64)? = nil) {
        self.database = database
        self.resultsDirectory = resultsDirectory
        self.clock = clock ?? { Int64(Date().timeIntervalSince1970) }
        self.identity = "\(ProcessInfo.processInfo.hostName) \(ProcessInfo.processInfo.processIdentifier)"
    }

    /// What a task's work ends with: the message the user is shown, and the bytes of its result file with the
    /// file's extension, when it has one.
    public struct Outcome: Sendable {
        public let message: String
        public let result: [UInt8]?
        public let resultExtension: String

        public init(message: String, result: [UInt8]? = nil, resultExtension: String = "bin") {
            self.message = message
            self.result = result
            self.resultExtension = resultExtension
        }
    }

    /// A refusal the work throws to fail its task with a message for the user.
    public struct Failure: Error, Sendable {
        public let message: String

        public init(_ message: String) {
            self.message = message
        }
    }

    /// Handed to a task's work to tell how far it got, in two ways:
    /// - ``advance(_:done:total:)`` keeps the figures in the runner's memory only; it may be called at any moment,
    ///   inside the work's write transaction too, and as often as every row.
    /// - ``report(_:done:total:)`` also writes them to the task's row, for a page served by another process; call it
    ///   between the work's transactions, never inside one, since it is a write of its own.
    public struct Progress: Sendable {
        public let taskID: Int64
        let database: any Database
        let board: ProgressBoard

        /// Shows `done` of `total` units of `phase` on the task's page, without writing to the database.
        public func advance(_ phase: String, done: Int64, total: Int64) {
            board.set(TaskProgress(phase: phase, done: done, total: total), for: taskID)
        }

        /// Shows `done` of `total` units of `phase` and records them in the task's row.
        public func report(_ phase: String = "", done: Int64, total: Int64) throws {
            advance(phase, done: done, total: total)
            try database.write { try BackgroundTaskRecords($0).progress(taskID, done: done, total: total) }
        }
    }

    /// The figures the running task `id` last showed, when this process runs it; nil for a task that is not
    /// running here (queued, ended, or run by another process), whose row holds what it last recorded.
    public func liveProgress(of id: Int64) -> TaskProgress? {
        board.progress(of: id)
    }

    /// Queues `work` as a task of `kind` for the company and returns its id at once; the work runs later on the
    /// runner's queue.
    /// - Throws: ``DatabaseError`` when the task cannot be recorded (then nothing runs).
    public func start(
        kind: String,
        companyID: Int64,
        startedBy userID: Int64?,
        total: Int64,
        work: @escaping @Sendable (Progress) throws -> Outcome
    ) throws -> Int64 {
        let now = clock()
        let id = try database.write {
            try BackgroundTaskRecords($0).insert(
                companyID: companyID,
                kind: kind,
                total: total,
                startedBy: userID,
                runner: identity,
                at: now
            )
        }
        queue.async { [self] in run(id, total: total, work) }
        return id
    }

    /// Marks interrupted every queued or running task whose runner is gone: a process of this host that is no
    /// longer alive (or this very process, which has just started), or a task recording no runner. A server calls
    /// it once when it starts; it returns how many it marked.
    @discardableResult
    public func interruptUnfinished() throws -> Int {
        let now = clock()
        let message = "the server stopped before the task ended"
        return try database.write { connection in
            let records = BackgroundTaskRecords(connection)
            var marked = 0
            for task in try records.unfinished() where isGone(task.runner) {
                if try records.move(task.id, to: .interrupted, message: message, at: now) { marked += 1 }
            }
            return marked
        }
    }

    /// Whether the process `runner` ("HOST PID") can no longer be running its tasks.
    func isGone(_ runner: String) -> Bool {
        let parts = runner.split(separator: " ")
        let host = ProcessInfo.processInfo.hostName
        guard parts.count == 2, let pid = Int32(parts[1]) else { return true }
        guard parts[0] == host else { return false }
        if pid == ProcessInfo.processInfo.processIdentifier { return true }
        // Known limitation: a process that reused the pid of a dead runner keeps its tasks shown as running.
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Blocks until every task queued so far has ended: for tests and for a server stopping.
    public func waitUntilIdle() {
        queue.sync {}
    }

    /// The path of a task's result file.
    public func resultPath(_ reference: String) -> String {
        (resultsDirectory as NSString).appendingPathComponent((reference as NSString).lastPathComponent)
    }

    private func run(_ id: Int64, total: Int64, _ work: (Progress) throws -> Outcome) {
        defer { board.remove(id) }
        do {
            guard try database.write({ try BackgroundTaskRecords($0).move(id, to: .running, at: clock()) }) else {
                return
            }
            let outcome = try work(Progress(taskID: id, database: database, board: board))
            let reference = try outcome.result.map { try store($0, taskID: id, extension: outcome.resultExtension) }
            try database.write {
                try BackgroundTaskRecords($0).move(
                    id,
                    to: .done,
                    message: outcome.message,
                    resultReference: reference,
                    at: clock()
                )
            }
        } catch {
            let message = (error as? Failure)?.message ?? String(describing: error)
            _ = try? database.write {
                try BackgroundTaskRecords($0).move(id, to: .failed, message: String(message.prefix(2_000)), at: clock())
            }
        }
    }

    /// Writes a result file named by the task and a random part, so its name cannot be guessed from the id.
    private func store(_ bytes: [UInt8], taskID: Int64, extension fileExtension: String) throws -> String {
        try FileManager.default.createDirectory(atPath: resultsDirectory, withIntermediateDirectories: true)
        let name = "task-\(taskID)-\(UUID().uuidString.lowercased()).\(fileExtension)"
        try Data(bytes).write(to: URL(fileURLWithPath: resultPath(name)))
        return name
    }
}
