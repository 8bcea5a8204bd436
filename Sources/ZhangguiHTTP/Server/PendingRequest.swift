/// A request between its headers and its last body chunk. It lives in libmicrohttpd's per-request slot and is
/// touched only by the one thread serving its connection.
final class PendingRequest {
    let startedAt = ContinuousClock.now
    private(set) var body: [UInt8] = []
    /// Set once the body passes the limit; the rest is read and dropped, and the answer is 413.
    private(set) var isTooLarge = false

    /// Appends one chunk of the body, unless that would pass `limit` bytes.
    func append(_ chunk: UnsafeRawBufferPointer, limit: Int) {
        guard !isTooLarge else { return }
        guard body.count + chunk.count <= limit else {
            isTooLarge = true
            body = []
            return
        }
        body.append(contentsOf: chunk)
    }
}
