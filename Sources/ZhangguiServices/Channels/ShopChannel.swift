public import ZhangguiCore

/// A shop's connection to its platform: what the sync, shipping and stock services ask of any marketplace.
///
/// Implementations live in the adapters layer and speak the platform's wire format (signing, paging, error
/// envelopes); services see only these calls. Every call blocks until the platform answers and throws
/// ``ChannelError``, never a transport- or platform-specific error.
public protocol ShopChannel: Sendable {
    var platform: Platform { get }

    /// The longest span of modification times one listing may ask for on this platform.
    var maximumWindowMillis: Int64 { get }

    /// One page of the orders modified within `window`. Pass `nil` for the first page, then each page's
    /// ``ChannelPage/nextCursor`` until it is `nil`.
    func orders(modifiedIn window: SyncWindow, cursor: String?) throws -> ChannelPage<PlatformOrder>

    /// One order, fetched again by its platform id.
    func order(platformOrderID: String) throws -> PlatformOrder

    /// One page of the after-sales requests modified within `window`, paged like ``orders(modifiedIn:cursor:)``.
    func refunds(modifiedIn window: SyncWindow, cursor: String?) throws -> ChannelPage<PlatformRefund>

    /// Tells the platform an order (or some of its lines) left with a courier.
    func confirmShipment(_ shipment: PlatformShipment) throws

    /// Sets the sellable quantity of one listing's SKU on the platform.
    func pushStock(_ update: PlatformStockUpdate) throws

    /// Exchanges the refresh token for a new access token, where the platform allows it.
    /// - Throws: ``ChannelError/authorizationExpired(code:message:)`` when the seller must authorise again.
    func refreshAuthorization(_ current: ShopAuthorization) throws -> ShopAuthorization
}

/// One page of a listing.
public struct ChannelPage<Item: Sendable>: Sendable {
    public var items: [Item]
    /// The cursor for the next page; `nil` on the last.
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// The seller's grant to our application, as the platform issued it.
///
/// Secret: never log or print any field of this type; the store keeps it encrypted.
public struct ShopAuthorization: Hashable, Sendable, Codable {
    public var accessToken: String
    /// When the access token stops working, in UTC milliseconds.
    public var accessExpiresAtMillis: Int64
    /// Empty where the platform issues none (then the seller must authorise again when access expires).
    public var refreshToken: String
    public var refreshExpiresAtMillis: Int64?

    public init(
        accessToken: String,
        accessExpiresAtMillis: Int64,
        refreshToken: String = "",
        refreshExpiresAtMillis: Int64? = nil
    ) {
        self.accessToken = accessToken
        self.accessExpiresAtMillis = accessExpiresAtMillis
        self.refreshToken = refreshToken
        self.refreshExpiresAtMillis = refreshExpiresAtMillis
    }
}

/// What a channel needs to speak for one shop: the application's keys, the seller's grant and where the
/// platform's gateway is (configurable, so a shop can point at a sandbox or at the simulator).
///
/// Secret: never log or print the keys or the authorization.
public struct ShopCredentials: Hashable, Sendable, Codable {
    public var platform: Platform
    public var appKey: String
    public var appSecret: String
    /// 快手 signs with a separate sign secret; empty elsewhere.
    public var signSecret: String
    public var authorization: ShopAuthorization
    /// The gateway's base URL, such as `https://eco.taobao.com/router/rest`; for 抖店 and 快手 the host alone
    /// (`https://openapi-fxg.jinritemai.com`), the method being appended as a path.
    public var endpoint: String

    public init(
        platform: Platform,
        appKey: String,
        appSecret: String,
        signSecret: String = "",
        authorization: ShopAuthorization,
        endpoint: String
    ) {
        self.platform = platform
        self.appKey = appKey
        self.appSecret = appSecret
        self.signSecret = signSecret
        self.authorization = authorization
        self.endpoint = endpoint
    }
}

/// A parcel to report to the platform.
public struct PlatformShipment: Hashable, Sendable, Codable {
    public var platformOrderID: String
    /// The lines in the parcel; empty for the whole order.
    public var lineIDs: [String]
    /// The courier's code in the platform's own list (TOP `company_code`, PDD `logistics_id`, …).
    public var courierCode: String
    public var trackingNumber: String

    public init(platformOrderID: String, lineIDs: [String] = [], courierCode: String, trackingNumber: String) {
        self.platformOrderID = platformOrderID
        self.lineIDs = lineIDs
        self.courierCode = courierCode
        self.trackingNumber = trackingNumber
    }
}

/// A sellable quantity to set on a platform listing. Always absolute, never a delta: a retried push can't
/// count twice.
public struct PlatformStockUpdate: Hashable, Sendable, Codable {
    public var itemID: String
    /// The platform's SKU id; empty to address the SKU by ``outerID``.
    public var skuID: String
    public var outerID: String
    public var quantity: Int64

    public init(itemID: String, skuID: String, outerID: String = "", quantity: Int64) {
        precondition(quantity >= 0, "a platform's stock is never negative")
        self.itemID = itemID
        self.skuID = skuID
        self.outerID = outerID
        self.quantity = quantity
    }
}

/// Why a platform call failed, in the terms the services act on.
public enum ChannelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The seller's grant expired or was revoked: the shop goes to 授权过期 and an alert is raised.
    case authorizationExpired(code: String, message: String)
    /// The platform asks us to wait this long before calling again.
    case rateLimited(retryAfterSeconds: Int, message: String)
    /// The platform refused the request itself (bad parameter, business rule); retrying the same won't help.
    case rejected(code: String, message: String)
    /// The platform could not be reached or failed on its side; retry later.
    case unavailable(message: String)
    /// The platform answered with something we cannot read.
    case malformedResponse(message: String)

    public var description: String {
        switch self {
        case .authorizationExpired(let code, let message): "authorisation expired (\(code)): \(message)"
        case .rateLimited(let seconds, let message): "rate limited for \(seconds) s: \(message)"
        case .rejected(let code, let message): "refused (\(code)): \(message)"
        case .unavailable(let message): "platform unavailable: \(message)"
        case .malformedResponse(let message): "unreadable answer: \(message)"
        }
    }
}

/// Builds the channel for a shop's credentials; the adapters layer provides the real one.
public protocol ShopChannelFactory: Sendable {
    func channel(for credentials: ShopCredentials) throws -> any ShopChannel
}
