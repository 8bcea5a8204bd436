/// 小红书 request signatures (specs/platform-apis.md §6.1).
public enum XHSSigner {
    /// The v3 (common_controller) signature: MD5(`<method>?appId=<id>&timestamp=<ts>&version=<v>` + app secret),
    /// 32 lower-case hex digits. The access token and business parameters are not signed.
    public static func sign(
        method: String,
        appID: String,
        timestamp: String,
        version: String = "2.0",
        appSecret: String
    ) -> String {
        let text = "\(method)?appId=\(appID)&timestamp=\(timestamp)&version=\(version)" + appSecret
        return SigningDigest.hex(SigningDigest.md5(text), uppercase: false)
    }

    /// The legacy v1 signature: MD5(path + `?` + the query and header parameters sorted by key as `k=v` joined
    /// by `&` + app secret), lower-case hex. Only for very old integrations.
    public static func signLegacyV1(path: String, parameters: [String: String], appSecret: String) -> String {
        let query = byteOrdered(parameters.keys).map { "\($0)=\(parameters[$0] ?? "")" }.joined(separator: "&")
        return SigningDigest.hex(SigningDigest.md5(path + "?" + query + appSecret), uppercase: false)
    }
}
