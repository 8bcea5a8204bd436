internal import CCrypto

/// SHA-256 digests of high-entropy secrets (session and API tokens, recovery codes), which are stored instead of
/// the secrets themselves.
///
/// A fast digest is right here and wrong for passwords: these secrets carry 40 to 256 random bits, so nothing can
/// be guessed from the digest, whereas a password needs ``PasswordHasher``.
public enum SecretDigest {
    /// The SHA-256 of the UTF-8 bytes of `secret`, as 64 lowercase hex digits.
    public static func sha256Hex(_ secret: String) -> String {
        hex(sha256(Array(secret.utf8)))
    }

    /// The SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let status = EVP_Digest(bytes, bytes.count, &digest, &length, EVP_sha256(), nil)
        precondition(status == 1 && length == 32, "SHA-256 is always available in libcrypto")
        return digest
    }

    /// Whether two strings are equal, taking the same time wherever they differ (CRYPTO_memcmp), so a digest or
    /// token cannot be found byte by byte from response times. Strings of different lengths are unequal at once:
    /// the lengths of our digests and tokens are public.
    public static func constantTimeEquals(_ first: String, _ second: String) -> Bool {
        let left = Array(first.utf8)
        let right = Array(second.utf8)
        guard left.count == right.count else { return false }
        guard !left.isEmpty else { return true }
        return CRYPTO_memcmp(left, right, left.count) == 0
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
