internal import CCrypto
internal import Foundation

/// Unpredictable bytes from OpenSSL's random generator (seeded by the operating system), for salts, secrets and
/// tokens.
public enum SecureRandom {
    /// `count` random bytes.
    /// - Throws: ``SecurityError`` `.randomUnavailable` when the generator cannot answer; never returns weak bytes.
    public static func bytes(_ count: Int) throws(SecurityError) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let status = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        guard status == 1 else { throw SecurityError(code: .randomUnavailable) }
        return bytes
    }

    /// A token of `byteCount` random bytes in unpadded base64url (RFC 4648 §5): 32 bytes give 43 characters that
    /// travel in cookies, headers and URLs unchanged.
    public static func token(byteCount: Int = 32) throws(SecurityError) -> String {
        Base64URL.encode(try bytes(byteCount))
    }

    /// A uniformly chosen index below `bound` (1…256), drawing again on bytes that would bias the choice.
    static func index(below bound: Int) throws(SecurityError) -> Int {
        precondition((1...256).contains(bound), "bound must lie in 1…256")
        let limit = 256 - 256 % bound
        while true {
            for byte in try bytes(16) where Int(byte) < limit {
                return Int(byte) % bound
            }
        }
    }
}

/// Unpadded base64url (RFC 4648 §5), the form tokens take.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        let standard = Data(bytes).base64EncodedString()
        return String(
            standard.compactMap { character in
                switch character {
                case "+": "-"
                case "/": "_"
                case "=": nil
                default: character
                }
            }
        )
    }
}
