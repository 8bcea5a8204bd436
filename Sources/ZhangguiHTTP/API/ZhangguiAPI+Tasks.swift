import ZhangguiServices

extension ZhangguiAPI {
    /// Marks the background tasks a stopped server left queued or running as interrupted; `zhanggui serve` calls
    /// it once before it listens. Returns how many were marked.
    @discardableResult
    public func interruptUnfinishedTasks() throws -> Int {
        try tasks.interruptUnfinished()
    }
}
