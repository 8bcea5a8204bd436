import CHTTPShims
import CMicroHTTPD

/// Reads a request's header fields, query items and client address from libmicrohttpd.
struct ConnectionValues {
    let connection: OpaquePointer

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        for (name, value) in pairs(of: .HEADER_KIND) { headers.add(name, value ?? "") }
        return headers
    }

    /// Percent-decoded by libmicrohttpd, in the order sent. Read with their lengths, so a value holding `%00`
    /// keeps its NUL (and is refused by the page that checks it) instead of being cut short at it.
    var query: [QueryItem] {
        var pairs: [(name: String, value: String?)] = []
        withUnsafeMutablePointer(to: &pairs) { pointer in
            _ = MHD_get_connection_values_n(connection, .GET_ARGUMENT_KIND, collectSizedPair, pointer)
        }
        return pairs.map { QueryItem(name: $0.name, value: $0.value) }
    }

    var remoteAddress: String? {
        var buffer = [CChar](repeating: 0, count: 64)
        return buffer.withUnsafeMutableBufferPointer { pointer in
            guard let start = pointer.baseAddress,
                zhanggui_http_client_address(connection, start, pointer.count) == 0
            else { return nil }
            return String(cString: start)
        }
    }

    private func pairs(of kind: MHD_ValueKind) -> [(name: String, value: String?)] {
        var pairs: [(name: String, value: String?)] = []
        withUnsafeMutablePointer(to: &pairs) { pointer in
            _ = MHD_get_connection_values(connection, kind, collectPair, pointer)
        }
        return pairs
    }
}

/// Appends each pair to the array its context points at.
private let collectPair: MHD_KeyValueIterator = { context, _, key, value in
    guard let context, let key else { return .YES }
    let pairs = context.assumingMemoryBound(to: [(name: String, value: String?)].self)
    pairs.pointee.append((String(cString: key), value.map { String(cString: $0) }))
    return .YES
}

/// Appends each pair, read with its length (embedded NULs kept), to the array its context points at.
private let collectSizedPair: MHD_KeyValueIteratorN = { context, _, key, keySize, value, valueSize in
    guard let context, let key else { return .YES }
    let pairs = context.assumingMemoryBound(to: [(name: String, value: String?)].self)
    pairs.pointee.append((text(key, keySize), value.map { text($0, valueSize) }))
    return .YES
}

/// The `size` bytes at `start` as UTF-8 text (invalid sequences repaired).
private func text(_ start: UnsafePointer<CChar>, _ size: Int) -> String {
    let bytes = UnsafeRawBufferPointer(start: start, count: size)
    return String(decoding: bytes, as: UTF8.self)
}
