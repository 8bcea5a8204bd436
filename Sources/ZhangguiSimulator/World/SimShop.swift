public import ZhangguiCore

/// A seller's shop on one platform, and the application it authorised: the keys a gateway checks.
public struct SimShop: Sendable, Hashable, Codable {
    public var shopID: String
    public var platform: Platform
    /// TOP/JD/Doudian `app_key`, PDD `client_id`, 快手 `appkey`, 小红书 `appId`.
    public var appKey: String
    public var appSecret: String
    /// 快手 signs with a separate secret; empty elsewhere.
    public var signSecret: String

    public init(shopID: String, platform: Platform, appKey: String, appSecret: String, signSecret: String = "") {
        self.shopID = shopID
        self.platform = platform
        self.appKey = appKey
        self.appSecret = appSecret
        self.signSecret = signSecret
    }
}

/// An access token and its refresh token, as issued to one shop.
public struct SimGrant: Sendable, Hashable, Codable {
    public var shopID: String
    public var accessToken: String
    public var refreshToken: String
    public var accessExpiresMillis: Int64
    public var refreshExpiresMillis: Int64
    /// Revoked by the seller (or the control API): refused at once, whatever the expiry.
    public var isRevoked: Bool = false
    /// Set when a refresh replaced this grant: its refresh token stops working at this time.
    public var refreshDiesMillis: Int64?
}

/// What a token check found.
enum TokenCheck: Equatable {
    case valid(shopID: String)
    case expired
    /// Unknown, revoked, or belonging to another application.
    case invalid
}

/// How long a platform's tokens live and how its refresh behaves (specs/platform-apis.md §1.3, 2.2, 3.2, 4.2, 5.2,
/// 6.2). Lifetimes the spec marks unconfirmed are the simulator's choice and configurable.
public struct TokenPolicy: Sendable, Hashable, Codable {
    public var accessSeconds: Int64
    public var refreshSeconds: Int64
    /// Whether the refresh API works at all (TOP: only for apps sold through 服务市场).
    public var canRefresh: Bool
    /// After a refresh, the old refresh token keeps working this long (快手: "within 5 min"); 0 = dies at once.
    public var oldRefreshGraceSeconds: Int64
    /// After a refresh, the old access token keeps working this long (小红书: 5 min); nil = until it expires.
    public var oldAccessGraceSeconds: Int64?
    /// A refresh asked for while the access token has more than this left returns the same pair (小红书: 30 min).
    public var refreshOnlyWithinSeconds: Int64?

    public init(
        accessSeconds: Int64,
        refreshSeconds: Int64,
        canRefresh: Bool = true,
        oldRefreshGraceSeconds: Int64 = 0,
        oldAccessGraceSeconds: Int64? = nil,
        refreshOnlyWithinSeconds: Int64? = nil
    ) {
        self.accessSeconds = accessSeconds
        self.refreshSeconds = refreshSeconds
        self.canRefresh = canRefresh
        self.oldRefreshGraceSeconds = oldRefreshGraceSeconds
        self.oldAccessGraceSeconds = oldAccessGraceSeconds
        self.refreshOnlyWithinSeconds = refreshOnlyWithinSeconds
    }

    static let day: Int64 = 86_400

    /// The defaults per platform: 抖店 7 d / 14 d, 快手 48 h / 180 d rotating, 小红书 7 d / 14 d with the 30-minute
    /// rule (spec); TOP, JD and PDD 24 h / 30 d (unconfirmed, the simulator's choice).
    public static func standard(for platform: Platform) -> TokenPolicy {
        switch platform {
        case .taobao, .jd, .pinduoduo: TokenPolicy(accessSeconds: day, refreshSeconds: 30 * day)
        case .doudian: TokenPolicy(accessSeconds: 7 * day, refreshSeconds: 14 * day)
        case .kuaishou: TokenPolicy(accessSeconds: 2 * day, refreshSeconds: 180 * day, oldRefreshGraceSeconds: 300)
        case .xiaohongshu:
            TokenPolicy(
                accessSeconds: 7 * day,
                refreshSeconds: 14 * day,
                oldAccessGraceSeconds: 300,
                refreshOnlyWithinSeconds: 1800
            )
        }
    }
}
