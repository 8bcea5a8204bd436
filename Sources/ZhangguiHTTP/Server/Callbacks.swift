import CMicroHTTPD

/// libmicrohttpd's access handler. It captures nothing, as a C function pointer must, and reaches the server
/// through its context pointer.
let accessHandler: MHD_AccessHandlerCallback = { context, connection, url, method, _, data, size, slot in
    guard let context, let connection, let url, let method, let size, let slot else { return .NO }
    return handleAccess(
        Unmanaged<ServerContext>.fromOpaque(context).takeUnretainedValue(),
        connection,
        url: url,
        method: method,
        chunk: UnsafeRawBufferPointer(start: data, count: size.pointee),
        chunkSize: size,
        slot: slot
    )
}

/// One call of the access handler; libmicrohttpd calls it at least twice per request. The first call (headers
/// only) parks a ``PendingRequest`` in the per-request slot; each call with body bytes appends them; the last call,
/// with none, answers — so the whole body is read before any handler runs.
private func handleAccess(
    _ context: ServerContext,
    _ connection: OpaquePointer,
    url: UnsafePointer<CChar>,
    method: UnsafePointer<CChar>,
    chunk: UnsafeRawBufferPointer,
    chunkSize: UnsafeMutablePointer<Int>,
    slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>
) -> MHD_Result {
    guard let pendingPointer = slot.pointee else {
        context.inFlight.begin()
        let limit = context.bodyLimit(method: String(cString: method), path: String(cString: url))
        slot.pointee = Unmanaged.passRetained(PendingRequest(limit: limit)).toOpaque()
        return .YES
    }
    let pending = Unmanaged<PendingRequest>.fromOpaque(pendingPointer).takeUnretainedValue()
    guard chunk.isEmpty else {
        pending.append(chunk)
        chunkSize.pointee = 0
        return .YES
    }
    return context.answer(pending, connection: connection, method: String(cString: method), path: String(cString: url))
}

/// Called once a request is over, answered or not: frees its ``PendingRequest`` and counts it out of flight.
let requestCompleted: MHD_RequestCompletedCallback = { contextPointer, _, requestSlot, _ in
    guard let contextPointer, let requestSlot, let pendingPointer = requestSlot.pointee else { return }
    Unmanaged<PendingRequest>.fromOpaque(pendingPointer).release()
    requestSlot.pointee = nil
    Unmanaged<ServerContext>.fromOpaque(contextPointer).takeUnretainedValue().inFlight.end()
}
