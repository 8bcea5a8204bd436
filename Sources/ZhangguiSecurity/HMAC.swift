internal import CCrypto

/// The hash functions HMAC runs over, as TOTP names them.
public enum HMACAlgorithm: String, Sendable, CaseIterable {
    case sha1 = "SHA1"
    case sha256 = "SHA256"
    case sha512 = "SHA512"

    /// HMAC (RFC 2104) of `message` under `key`, computed by libcrypto.
    public func authenticate(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        let digest =
            switch self {
            case .sha1: EVP_sha1()
            case .sha256: EVP_sha256()
            case .sha512: EVP_sha512()
            }
        var output = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        let result = HMAC(digest, key, Int32(key.count), message, message.count, &output, &length)
        precondition(result != nil, "HMAC with a built-in digest does not fail")
        return Array(output.prefix(Int(length)))
    }
}
