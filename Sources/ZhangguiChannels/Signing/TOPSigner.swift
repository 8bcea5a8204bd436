/// The hash a TOP request is signed with; its raw value is what the `sign_method` parameter carries.
public enum TOPSignMethod: String, Sendable, CaseIterable {
    /// MD5(secret + parameters + secret).
    case md5
    /// HMAC-MD5 keyed by the secret, over the parameters alone.
    case hmac
    /// HMAC-SHA256 keyed by the secret, over the parameters alone.
    case hmacSHA256 = "hmac-sha256"
}

/// 淘宝 / 天猫 TOP request signatures (specs/platform-apis.md §1.2).
///
/// Every parameter takes part except `sign` itself and those with an empty value, sorted by key in byte order
/// and written `key1value1key2value2…` from their raw (not URL-encoded) values.
public enum TOPSigner {
    /// The concatenation `key1value1key2value2…` the hash runs over, without the secret.
    public static func concatenation(_ parameters: [String: String]) -> String {
        var text = ""
        for key in byteOrdered(parameters.keys) where key != "sign" {
            guard let value = parameters[key], !value.isEmpty else { continue }
            text += key
            text += value
        }
        return text
    }

    /// The signature `sign` carries: 32 (MD5, HMAC-MD5) or 64 (HMAC-SHA256) upper-case hex digits.
    ///
    /// `method` must be the one named by the `sign_method` parameter, which is itself signed.
    public static func sign(_ parameters: [String: String], secret: String, method: TOPSignMethod) -> String {
        let text = concatenation(parameters)
        let digest =
            switch method {
            case .md5: SigningDigest.md5(secret + text + secret)
            case .hmac: SigningDigest.hmacMD5(text, key: secret)
            case .hmacSHA256: SigningDigest.hmacSHA256(text, key: secret)
            }
        return SigningDigest.hex(digest, uppercase: true)
    }

    /// The legacy signature of requests without `sign_method`: MD5(secret + parameters), upper-case hex.
    ///
    /// Only to recognise old requests; new requests name a method.
    public static func signLegacy(_ parameters: [String: String], secret: String) -> String {
        SigningDigest.hex(SigningDigest.md5(secret + concatenation(parameters)), uppercase: true)
    }
}
