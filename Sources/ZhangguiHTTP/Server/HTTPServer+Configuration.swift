extension HTTPServer {
    /// Where and how a server listens.
    public struct Configuration: Sendable {
        /// A numeric IPv4 or IPv6 address; the loopback address by default, so nothing outside this machine can
        /// connect unless asked.
        public var bindAddress: String
        /// 0 asks the system for a free port; ``HTTPServer/port`` tells which.
        public var port: UInt16
        /// Threads answering requests; handlers block one each while they run.
        public var threadCount: Int
        /// Larger bodies are answered 413 without reaching a handler.
        public var maximumBodyBytes: Int
        /// The same limit for the routes that take file uploads (``Router/Route/acceptsUpload``), such as imports:
        /// real platform exports run to tens of megabytes.
        public var maximumUploadBytes: Int
        /// An idle connection is closed after this many seconds.
        public var connectionTimeoutSeconds: Int
        /// Connections open at once, over all threads.
        public var connectionLimit: Int
        /// Receives the one line per request, and whatever handlers log.
        public var logger: Logger

        public init(
            bindAddress: String = "127.0.0.1",
            port: UInt16 = 8080,
            threadCount: Int = 4,
            maximumBodyBytes: Int = 1 << 20,
            maximumUploadBytes: Int = 64 << 20,
            connectionTimeoutSeconds: Int = 30,
            connectionLimit: Int = 256,
            logger: Logger = Logger()
        ) {
            self.bindAddress = bindAddress
            self.port = port
            self.threadCount = threadCount
            self.maximumBodyBytes = maximumBodyBytes
            self.maximumUploadBytes = maximumUploadBytes
            self.connectionTimeoutSeconds = connectionTimeoutSeconds
            self.connectionLimit = connectionLimit
            self.logger = logger
        }
    }
}
