/// What a 中通 ZOP account needs (specs/platform-apis.md §7.7).
///
/// Secret: ``appSecret`` and ``accountPassword``; never log them.
public struct ZTOSettings: Sendable, Hashable {
    /// The production host; the test host is `https://japi-test.zto.com`.
    public static let productionEndpoint = "https://japi.zto.com"

    /// The host the API name is appended to as a path (`<endpoint>/zto.open.createOrder`).
    public var endpoint: String
    public var appKey: String
    public var appSecret: String
    /// The e-waybill account (电子面单账号) numbers are taken from, and its password.
    public var accountID: String
    public var accountPassword: String

    public init(
        endpoint: String = ZTOSettings.productionEndpoint,
        appKey: String,
        appSecret: String,
        accountID: String,
        accountPassword: String
    ) {
        self.endpoint = endpoint
        self.appKey = appKey
        self.appSecret = appSecret
        self.accountID = accountID
        self.accountPassword = accountPassword
    }
}
