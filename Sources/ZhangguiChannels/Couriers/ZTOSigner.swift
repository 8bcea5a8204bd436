/// 中通 ZOP digests (specs/platform-apis.md §7.7).
///
/// A request's `x-dataDigest` header is Base64(MD5 of the bytes of body + appSecret), over the JSON body exactly as
/// sent. A tracking push carries `data_digest`, made the same way over its `data` field.
public enum ZTOSigner {
    /// The digest of `body` (a request body, or a push's `data`) with `appSecret`.
    public static func dataDigest(body: String, appSecret: String) -> String {
        SigningDigest.base64(SigningDigest.md5(body + appSecret))
    }
}
