/// 拼多多 request signatures (specs/platform-apis.md §3.1).
///
/// Every parameter except `sign`, sorted by key in byte order, written `key1value1key2value2…`, wrapped in the
/// client secret on both sides; MD5, upper-case hex. Values that are objects or lists are signed as the JSON text
/// that is sent, and Booleans as `true` / `false`; callers pass the texts they send.
public enum PDDSigner {
    /// The concatenation `key1value1key2value2…` the hash runs over, without the secret.
    public static func concatenation(_ parameters: [String: String]) -> String {
        var text = ""
        for key in byteOrdered(parameters.keys) where key != "sign" {
            text += key
            text += parameters[key] ?? ""
        }
        return text
    }

    /// The signature `sign` carries: 32 upper-case hex digits.
    public static func sign(_ parameters: [String: String], clientSecret: String) -> String {
        let digest = SigningDigest.md5(clientSecret + concatenation(parameters) + clientSecret)
        return SigningDigest.hex(digest, uppercase: true)
    }
}
