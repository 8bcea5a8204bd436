import CMicroHTTPD

/// Hands a response to libmicrohttpd, which copies the body, adds `Content-Length` and the reason phrase.
enum ResponseWriter {
    /// Queues `response` on `connection`; `.NO` makes libmicrohttpd close the connection.
    ///
    /// libmicrohttpd refuses header values with a line break, so such a field is dropped rather than sent.
    static func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
        var body = response.body
        let handle = body.withUnsafeMutableBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, bytes.baseAddress, .RESPMEM_MUST_COPY)
        }
        guard let handle else { return .NO }
        defer { MHD_destroy_response(handle) }
        for field in response.headers {
            _ = MHD_add_response_header(handle, field.name, field.value)
        }
        return MHD_queue_response(connection, UInt32(response.status.code), handle)
    }
}
