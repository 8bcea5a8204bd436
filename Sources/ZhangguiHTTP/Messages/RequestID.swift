/// Request ids: taken from a well-formed incoming `X-Request-ID` (so a proxy's id follows the request through), or
/// made fresh.
public enum RequestID {
    /// The header that carries the id both ways.
    public static let header = "X-Request-ID"

    /// 16 random hexadecimal digits.
    public static func make() -> String {
        let number = UInt64.random(in: .min ... .max)
        let digits = String(number, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The incoming id when it is well formed, otherwise a fresh one.
    public static func make(incoming: String?) -> String {
        guard let incoming, isWellFormed(incoming) else { return make() }
        return incoming
    }

    /// 1 to 64 characters, each a letter, digit, `-`, `_`, `.` or `:`: safe to log and to echo in a header.
    public static func isWellFormed(_ id: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:".unicodeScalars)
        return (1...64).contains(id.unicodeScalars.count) && id.unicodeScalars.allSatisfy(allowed.contains)
    }
}
