import Foundation
import Testing
import ZhangguiHTTP

@Suite("stopping lets requests in flight finish and then refuses new ones")
struct GracefulStopTests {
    /// Signals when the slow handler has started, and records when it finished.
    ///
    /// `@unchecked Sendable`: `finished` is only touched while `lock` is held.
    final class SlowHandler: @unchecked Sendable {
        let started = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var finished: ContinuousClock.Instant?

        var finishedAt: ContinuousClock.Instant? { lock.withLock { finished } }

        func handle() -> HTTPResponse {
            started.signal()
            Thread.sleep(forTimeInterval: 0.5)
            lock.withLock { finished = .now }
            return text("done")
        }
    }

    @Test("a slow request in flight when the stop begins is answered in full")
    func slowRequestFinishes() async throws {
        let slow = SlowHandler()
        let test = try TestServer { router in
            router.add(.get, "/slow") { _ in slow.handle() }
        }
        let server = test.server

        async let answer = send("GET", "/slow", to: server)
        await wait(for: slow.started)
        let stoppedAt = await stopInBackground(server)

        let answered = try await answer
        #expect(answered.status == 200)
        #expect(answered.text == "done")
        let finishedAt = try #require(slow.finishedAt)
        #expect(finishedAt < stoppedAt)
        await #expect(throws: (any Error).self) { try await send("GET", "/slow", to: server) }
    }

    @Test("a stop whose grace period runs out says so in the log")
    func gracePeriodOver() async throws {
        // The handler waits at a gate the test opens only once the warning is logged, so the outcome does not
        // depend on how fast the machine is.
        let started = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        let test = try TestServer { router in
            router.add(.get, "/gated") { _ in
                started.signal()
                gate.wait()
                return text("done")
            }
        }
        let server = test.server
        let warning = #" level=warning msg="grace period over with requests in flight""#

        async let answer = send("GET", "/gated", to: server)
        await wait(for: started)
        async let stopped = stopInBackground(server, gracePeriod: .milliseconds(50))
        var logged = false
        for _ in 0..<500 where !logged {
            logged = test.log.lines.contains { $0.hasSuffix(warning) }
            if !logged { try await Task.sleep(for: .milliseconds(10)) }
        }
        gate.signal()
        _ = await stopped
        _ = try? await answer

        #expect(logged)
    }

    @Test("stopping twice is harmless")
    func stopTwice() throws {
        let test = try TestServer { _ in }

        test.server.stop()
        test.server.stop()
    }

    private func wait(for semaphore: DispatchSemaphore) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                semaphore.wait()
                continuation.resume()
            }
        }
    }

    /// Stops on a Dispatch thread, not the test's, and returns when the stop was complete.
    private func stopInBackground(_ server: HTTPServer, gracePeriod: Duration = .seconds(5)) async
        -> ContinuousClock.Instant
    {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                server.stop(gracePeriod: gracePeriod)
                continuation.resume(returning: .now)
            }
        }
    }
}
