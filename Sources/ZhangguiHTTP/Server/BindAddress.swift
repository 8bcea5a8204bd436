import Glibc

/// A numeric IPv4 or IPv6 address and a port, as the socket address libmicrohttpd binds to.
enum BindAddress {
    case ipv4(sockaddr_in)
    case ipv6(sockaddr_in6)

    /// Nil unless `host` is a numeric address such as `127.0.0.1` or `::1`; names are not looked up.
    init?(host: String, port: UInt16) {
        var ipv4 = sockaddr_in()
        if inet_pton(AF_INET, host, &ipv4.sin_addr) == 1 {
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = port.bigEndian
            self = .ipv4(ipv4)
            return
        }
        var ipv6 = sockaddr_in6()
        guard inet_pton(AF_INET6, host, &ipv6.sin6_addr) == 1 else { return nil }
        ipv6.sin6_family = sa_family_t(AF_INET6)
        ipv6.sin6_port = port.bigEndian
        self = .ipv6(ipv6)
    }

    var isIPv6: Bool {
        if case .ipv6 = self { return true }
        return false
    }

    /// `host:port`, with an IPv6 host in brackets as URLs write it.
    static func authority(host: String, port: UInt16) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Calls `body` with the address as a generic `sockaddr` pointer, valid only during the call.
    func withSocketAddress<Result>(_ body: (UnsafePointer<sockaddr>) -> Result) -> Result {
        switch self {
        case .ipv4(var address):
            withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body) }
        case .ipv6(var address):
            withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body) }
        }
    }
}
