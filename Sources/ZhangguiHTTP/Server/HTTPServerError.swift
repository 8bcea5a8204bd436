/// Why a server could not start.
public struct HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The bind address is not a numeric IPv4 or IPv6 address.
        case invalidAddress
        /// libmicrohttpd could not listen: the port is taken, or the address is not this machine's.
        case cannotListen
    }

    public let code: Code
    public let description: String
}
