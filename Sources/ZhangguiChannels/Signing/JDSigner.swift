/// 京东 JOS request signatures (specs/platform-apis.md §2.1): TOP's MD5 signature over the system parameters and
/// `360buy_param_json`, which carries every business parameter as one JSON text.
public enum JDSigner {
    /// The upper-case hex MD5 signature of `parameters` (system parameters and `360buy_param_json`).
    public static func sign(_ parameters: [String: String], secret: String) -> String {
        TOPSigner.sign(parameters, secret: secret, method: .md5)
    }

    /// The `360buy_param_json` text for the business parameters: compact JSON, keys sorted, nulls dropped.
    public static func paramJSON(_ business: [String: JSONValue]) -> String {
        JSONValue.object(business.filter { $0.value != .null }).serialized()
    }
}
