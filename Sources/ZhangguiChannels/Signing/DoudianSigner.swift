/// The hash a 抖店 request is signed with; its raw value is what the `sign_method` parameter carries.
public enum DoudianSignMethod: String, Sendable, CaseIterable {
    /// HMAC-SHA256 keyed by the app secret, over the wrapped string.
    case hmacSHA256 = "hmac-sha256"
    /// MD5 of the wrapped string (the default when `sign_method` is absent).
    case md5
}

/// 抖店 request signatures (specs/platform-apis.md §4.1).
///
/// The string is secret + `app_key`… `method`… `param_json`… `timestamp`… `v`… + secret in that fixed order;
/// the access token is not signed. `param_json` is the exact body sent: compact JSON with keys sorted at every
/// depth (``paramJSON(_:)``).
public enum DoudianSigner {
    /// The string the hash runs over, secret included at both ends.
    public static func stringToSign(
        appKey: String,
        method: String,
        paramJSON: String,
        timestamp: String,
        version: String = "2",
        secret: String
    ) -> String {
        secret + "app_key" + appKey + "method" + method + "param_json" + paramJSON + "timestamp" + timestamp + "v"
            + version + secret
    }

    /// The signature `sign` carries: lower-case hex (64 digits for HMAC-SHA256, 32 for MD5).
    public static func sign(
        appKey: String,
        method: String,
        paramJSON: String,
        timestamp: String,
        version: String = "2",
        secret: String,
        signMethod: DoudianSignMethod
    ) -> String {
        let text = stringToSign(
            appKey: appKey,
            method: method,
            paramJSON: paramJSON,
            timestamp: timestamp,
            version: version,
            secret: secret
        )
        let digest =
            switch signMethod {
            case .hmacSHA256: SigningDigest.hmacSHA256(text, key: secret)
            case .md5: SigningDigest.md5(text)
            }
        return SigningDigest.hex(digest, uppercase: false)
    }

    /// The `param_json` text (and request body) for the business parameters: compact, keys sorted recursively,
    /// no HTML escaping, `{}` when there are none.
    public static func paramJSON(_ business: [String: JSONValue]) -> String {
        JSONValue.object(business).serialized()
    }
}
