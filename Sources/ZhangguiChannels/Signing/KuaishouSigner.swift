/// The hash a 快手 request is signed with; its raw value is what the `signMethod` parameter carries.
public enum KuaishouSignMethod: String, Sendable, CaseIterable {
    /// MD5, lower-case hex.
    case md5 = "MD5"
    /// HMAC-SHA256 keyed by the sign secret, Base64 (the platform's recommendation).
    case hmacSHA256 = "HMAC_SHA256"
}

/// 快手小店 request signatures (specs/platform-apis.md §5.1).
///
/// Only the keys in ``signedKeys`` take part, those present, sorted, written `k=v` joined by `&` from raw values,
/// then `&signSecret=` and the sign secret (not the app secret).
public enum KuaishouSigner {
    /// The parameters that are signed; any other parameter is sent unsigned.
    public static let signedKeys: Set<String> = [
        "method", "appkey", "access_token", "version", "signMethod", "timestamp", "param",
    ]

    /// The string the hash runs over, sign secret included.
    public static func stringToSign(_ parameters: [String: String], signSecret: String) -> String {
        let keys = byteOrdered(parameters.keys.filter { signedKeys.contains($0) })
        let pairs = keys.map { "\($0)=\(parameters[$0] ?? "")" }
        return pairs.joined(separator: "&") + "&signSecret=" + signSecret
    }

    /// The signature `sign` carries: 32 lower-case hex digits for MD5, Base64 for HMAC-SHA256.
    public static func sign(_ parameters: [String: String], signSecret: String, method: KuaishouSignMethod) -> String {
        let text = stringToSign(parameters, signSecret: signSecret)
        switch method {
        case .md5: return SigningDigest.hex(SigningDigest.md5(text), uppercase: false)
        case .hmacSHA256: return SigningDigest.base64(SigningDigest.hmacSHA256(text, key: signSecret))
        }
    }
}
