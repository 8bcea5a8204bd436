import Dispatch
import Synchronization

/// New paid orders arriving on a timer, for demos: one invoice per tick in every shop, until the invoices run out.
public enum OrderTrickle {
    /// Starts the timer; it runs for the life of the process.
    public static func start(world: SimWorld, shops: [String], invoices: [[SimOrderLine]], everyMillis: Int) {
        guard !invoices.isEmpty, everyMillis > 0 else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        let next = NextIndex()
        timer.schedule(deadline: .now() + .milliseconds(everyMillis), repeating: .milliseconds(everyMillis))
        timer.setEventHandler {
            guard let index = next.take(below: invoices.count) else {
                timer.cancel()
                return
            }
            for shop in shops {
                _ = try? world.createOrder(shopID: shop, SimOrderDraft(lines: invoices[index]))
            }
        }
        // The handler holds the timer, so it lives until it cancels itself.
        timer.resume()
    }

    private final class NextIndex: Sendable {
        private let value = Mutex(0)

        func take(below count: Int) -> Int? {
            value.withLock { value in
                guard value < count else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }
}
