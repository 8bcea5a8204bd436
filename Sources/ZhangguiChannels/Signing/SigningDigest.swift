internal import CCrypto

/// The digests platform signatures are made of (MD5, HMAC-MD5, HMAC-SHA256, MD5 of raw bytes), and the ways the
/// platforms print them: hex in either case, or Base64.
public enum SigningDigest {
    /// MD5 of the UTF-8 bytes of `text`.
    public static func md5(_ text: String) -> [UInt8] {
        md5(bytes: Array(text.utf8))
    }

    /// MD5 of `bytes`.
    public static func md5(bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 16)
        var length: UInt32 = 0
        let status = EVP_Digest(bytes, bytes.count, &digest, &length, EVP_md5(), nil)
        precondition(status == 1 && length == 16, "MD5 is always available in libcrypto")
        return digest
    }

    /// HMAC-MD5 of the UTF-8 bytes of `text`, keyed by the UTF-8 bytes of `key`.
    public static func hmacMD5(_ text: String, key: String) -> [UInt8] {
        hmac(EVP_md5(), message: Array(text.utf8), key: Array(key.utf8))
    }

    /// HMAC-SHA256 of the UTF-8 bytes of `text`, keyed by the UTF-8 bytes of `key`.
    public static func hmacSHA256(_ text: String, key: String) -> [UInt8] {
        hmac(EVP_sha256(), message: Array(text.utf8), key: Array(key.utf8))
    }

    /// `bytes` as hex digits, `0-9A-F` when `uppercase`, else `0-9a-f`.
    public static func hex(_ bytes: [UInt8], uppercase: Bool) -> String {
        let digits = Array((uppercase ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `bytes` in standard Base64 (RFC 4648 §4) with `=` padding.
    public static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var text: [UInt8] = []
        text.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var bits: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { bits |= UInt32(byte) << (16 - 8 * offset) }
            for position in 0..<4 {
                if position <= chunk.count {
                    text.append(alphabet[Int((bits >> (18 - 6 * position)) & 0x3F)])
                } else {
                    text.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func hmac(_ digest: OpaquePointer?, message: [UInt8], key: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        let result = HMAC(digest, key, Int32(key.count), message, message.count, &output, &length)
        precondition(result != nil, "HMAC with a built-in digest does not fail")
        return Array(output.prefix(Int(length)))
    }
}

/// Orders keys the way every platform's signature does: by their UTF-8 bytes (ASCII order for the ASCII keys
/// the platforms use), never by locale.
func byteOrdered(_ keys: some Sequence<String>) -> [String] {
    keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
}
