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

    /// Percent-decoded by libmicrohttpd, in the order sent.
    var query: [QueryItem] {
        pairs(of: .GET_ARGUMENT_KIND).map { QueryItem(name: $0.name, value: $0.value) }
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
