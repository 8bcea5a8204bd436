/// A request between its headers and its last body chunk. It lives in libmicrohttpd's per-request slot and is
/// touched only by the one thread serving its connection.
final class PendingRequest {
    let startedAt = ContinuousClock.now
    /// How many body bytes this request may send (its route's limit).
    let limit: Int
    private(set) var body: [UInt8] = []
    /// Set once the body passes the limit; the rest is read and dropped, and the answer is 413.
    private(set) var isTooLarge = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Appends one chunk of the body, unless that would pass ``limit`` bytes.
    func append(_ chunk: UnsafeRawBufferPointer) {
        guard !isTooLarge else { return }
        guard body.count + chunk.count <= limit else {
            isTooLarge = true
            body = []
            return
        }
        body.append(contentsOf: chunk)
    }
}
