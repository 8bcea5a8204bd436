/// Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226), as authenticator apps show them.
///
/// Time runs in steps of 30 seconds from the Unix epoch (T0 = 0); the code of a step is the HOTP of its number.
public struct TOTP: Sendable {
    /// How long one code stands, in seconds.
    public static let step: Int64 = 30
    /// Bytes in a new secret: 160 bits, the size of an HMAC-SHA1 key.
    public static let secretBytes = 20

    /// How many digits a code has.
    public enum Digits: Int, Sendable {
        case six = 6
        case eight = 8
    }

    public let secret: [UInt8]
    public let algorithm: HMACAlgorithm
    public let digits: Digits

    public init(secret: [UInt8], algorithm: HMACAlgorithm = .sha1, digits: Digits = .six) {
        self.secret = secret
        self.algorithm = algorithm
        self.digits = digits
    }

    /// A fresh random secret of ``secretBytes`` bytes.
    public static func generateSecret() throws(SecurityError) -> [UInt8] {
        try SecureRandom.bytes(secretBytes)
    }

    /// The number of the time step `time` (UTC seconds) falls in; times before 1970 fall in negative steps.
    public func counter(at time: Int64) -> Int64 {
        time >= 0 ? time / Self.step : -((-time + Self.step - 1) / Self.step)
    }

    /// The code shown during the step containing `time`.
    public func code(at time: Int64) -> String {
        code(counter: counter(at: time))
    }

    /// The HOTP value for `counter`: HMAC over the counter as 8 big-endian bytes, then dynamic truncation (the low
    /// 4 bits of the last byte pick 4 bytes, whose value without its top bit is taken modulo 10^digits).
    public func code(counter: Int64) -> String {
        let message = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: counter) >> (56 - 8 * $0)) }
        let mac = algorithm.authenticate(message, key: secret)
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value = mac[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } & 0x7FFF_FFFF
        var modulus: UInt32 = 1
        for _ in 0..<digits.rawValue { modulus *= 10 }
        let text = String(value % modulus)
        return String(repeating: "0", count: digits.rawValue - text.count) + text
    }

    /// The step whose code `code` is, looking `window` steps either side of the one containing `time` (clock
    /// drift), or nil when it is none of them.
    ///
    /// Steps at or before `lastCounter` are skipped: a service passes the step of the last code it accepted, so a
    /// code cannot be used twice, and stores the returned step as the new last one.
    public func verify(_ code: String, at time: Int64, after lastCounter: Int64? = nil, window: Int64 = 1) -> Int64? {
        guard code.utf8.count == digits.rawValue, code.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        let current = counter(at: time)
        let window = max(0, window)
        for candidate in (current - window)...(current + window) where candidate >= 0 {
            if let lastCounter, candidate <= lastCounter { continue }
            if SecretDigest.constantTimeEquals(self.code(counter: candidate), code) { return candidate }
        }
        return nil
    }
}
