/// Why a gateway refused a call, before each platform writes it in its own error envelope and codes.
enum GatewayError: Error, Equatable {
    case missingParameter(String)
    /// A parameter with a bad value: its name and what is wrong.
    case invalidParameter(String, String)
    case missingAppKey
    case invalidAppKey
    /// Missing, unreadable, or more than the tolerance away from the gateway's clock.
    case invalidTimestamp
    case missingSignature
    case invalidSignature
    case missingToken
    case tokenExpired
    /// Unknown, revoked, or another application's token.
    case tokenInvalid
    /// Over the rate limit: the whole seconds left, the configured calls per second, and the API called.
    case rateLimited(seconds: Int, limit: Int, apiMethod: String)
    case unknownMethod(String)
    /// A business rule refused the call (already shipped, stock below zero, …).
    case refused(String)
    case notFound(String)
    /// A platform-specific refusal with its own code (快手 300004 for a refund range over 7 days).
    case platformCode(Int, String)
}

/// A parsed gateway call: what the common checks need, and the business parameters.
struct GatewayCall {
    /// The API name in dotted form, such as `taobao.trades.sold.increment.get` or `order.searchList`.
    var apiMethod: String
    var appKey: String?
    var accessToken: String?
    /// Nil when the timestamp is missing or unreadable.
    var timestampMillis: Int64?
    var signature: String?
    /// The method's own parameters.
    var parameters: GatewayParameters
}
