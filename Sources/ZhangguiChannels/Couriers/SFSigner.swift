/// 顺丰 丰桥 request digests (specs/platform-apis.md §7.6).
///
/// `msgDigest` = Base64(MD5 of the bytes of URLEncode(msgData + timestamp + checkWord)), where the encoding is
/// Java's `URLEncoder` over UTF-8: `A–Z a–z 0–9 . - * _` kept, space written `+`, every other byte `%XX` in
/// upper-case hex.
public enum SFSigner {
    /// The digest `msgDigest` carries.
    public static func messageDigest(messageData: String, timestamp: String, checkWord: String) -> String {
        let encoded = javaURLEncoded(messageData + timestamp + checkWord)
        return SigningDigest.base64(SigningDigest.md5(bytes: Array(encoded.utf8)))
    }

    /// `text` encoded as Java's `URLEncoder.encode(text, "UTF-8")` does.
    public static func javaURLEncoded(_ text: String) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "*"),
                UInt8(ascii: "_"):
                output.append(byte)
            case UInt8(ascii: " "):
                output.append(UInt8(ascii: "+"))
            default:
                output += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
