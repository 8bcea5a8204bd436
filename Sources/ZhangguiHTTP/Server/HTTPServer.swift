import CHTTPShims
import CMicroHTTPD
import Glibc
import Synchronization

/// An HTTP/1.1 server on libmicrohttpd: a pool of threads answering each request through a ``Router``.
///
/// The server listens from `init` until ``stop(gracePeriod:)`` or until the last reference goes. Never stop or
/// release it from inside a handler: stopping joins the server's own threads.
public final class HTTPServer: Sendable {
    /// The address the server listens on, as configured.
    public let bindAddress: String
    /// The port the server listens on; the one the system picked when the configuration asked for port 0.
    public let port: UInt16
    private let daemon: Mutex<OpaquePointer?>
    private let context: Unmanaged<ServerContext>

    /// Starts listening.
    /// - Throws: ``HTTPServerError`` when the address is not numeric or the port cannot be bound.
    public init(configuration: Configuration = Configuration(), router: Router) throws(HTTPServerError) {
        guard let address = BindAddress(host: configuration.bindAddress, port: configuration.port) else {
            throw HTTPServerError(
                code: .invalidAddress,
                description: "\(configuration.bindAddress) is not a numeric IPv4 or IPv6 address"
            )
        }
        let context = Unmanaged.passRetained(
            ServerContext(
                router: router,
                maximumBodyBytes: configuration.maximumBodyBytes,
                maximumUploadBytes: configuration.maximumUploadBytes,
                logger: configuration.logger
            )
        )
        guard let started = Self.startDaemon(address, configuration, context: context.toOpaque()) else {
            context.release()
            let authority = BindAddress.authority(host: configuration.bindAddress, port: configuration.port)
            throw HTTPServerError(
                code: .cannotListen,
                description: "cannot listen on \(authority): the port may be in use or the address not this machine's"
            )
        }
        self.bindAddress = configuration.bindAddress
        self.port = zhanggui_http_bound_port(started)
        self.daemon = Mutex(started)
        self.context = context
    }

    deinit {
        stop(gracePeriod: .zero)
        context.release()
    }

    /// The base URL, such as `http://127.0.0.1:8080`.
    public var url: String {
        "http://" + BindAddress.authority(host: bindAddress, port: port)
    }

    /// Stops gracefully: new connections are refused at once, requests already in flight get up to `gracePeriod`
    /// to finish (their answers carry `Connection: close`), then every thread is joined and every connection
    /// closed. Calling it again does nothing. Returns once the server has stopped.
    public func stop(gracePeriod: Duration = .seconds(10)) {
        daemon.withLock { slot in
            guard let running = slot else { return }
            let context = context.takeUnretainedValue()
            context.isStopping.store(true, ordering: .relaxed)
            let listening = MHD_quiesce_daemon(running)
            if !context.inFlight.waitUntilIdle(timeout: gracePeriod) {
                context.logger.warning("grace period over with requests in flight")
            }
            MHD_stop_daemon(running)
            // libmicrohttpd hands the quiesced socket to us and leaves it open; close it only after the stop.
            if listening >= 0 { close(listening) }
            slot = nil
        }
    }

    private static func startDaemon(
        _ address: BindAddress,
        _ configuration: Configuration,
        context: UnsafeMutableRawPointer
    ) -> OpaquePointer? {
        var flags = MHD_USE_AUTO_INTERNAL_THREAD.rawValue | MHD_USE_ITC.rawValue | MHD_USE_ERROR_LOG.rawValue
        if address.isIPv6 { flags |= MHD_USE_IPv6.rawValue }
        return address.withSocketAddress { socketAddress in
            var options = zhanggui_http_daemon_options(
                flags: flags,
                address: socketAddress,
                thread_pool_size: UInt32(clamping: configuration.threadCount),
                connection_timeout_seconds: UInt32(clamping: configuration.connectionTimeoutSeconds),
                connection_limit: UInt32(clamping: configuration.connectionLimit),
                handler: accessHandler,
                handler_context: context,
                completed: requestCompleted,
                completed_context: context
            )
            return zhanggui_http_start_daemon(&options)
        }
    }
}
