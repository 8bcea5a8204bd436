/// A marketplace a shop sells on. Orders from export files belong to no platform.
public enum Platform: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// 淘宝 / 天猫, through the TOP gateway.
    case taobao
    /// 京东 POP, through JOS.
    case jd
    /// 拼多多.
    case pinduoduo
    /// 抖店 (Douyin shops).
    case doudian
    /// 快手小店.
    case kuaishou
    /// 小红书.
    case xiaohongshu

    /// The platform's name as sellers know it.
    public var displayName: String {
        switch self {
        case .taobao: "淘宝/天猫"
        case .jd: "京东"
        case .pinduoduo: "拼多多"
        case .doudian: "抖店"
        case .kuaishou: "快手"
        case .xiaohongshu: "小红书"
        }
    }

    public var description: String { rawValue }
}

/// Where an order stands on its platform, mapped from each platform's own codes to one internal set
/// (specs/platform-apis.md §8). The base status comes from the order status; an open refund overlays it with
/// ``refunding``, a full refund with ``refunded``.
public enum PlatformOrderStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case pendingPayment
    case awaitingShipment
    case shipped
    case delivered
    case closed
    case refunding
    case refunded

    /// Whether an order in this status may still be shipped by the seller.
    public var isShippable: Bool { self == .awaitingShipment }
}

/// A span of platform modification times, `start` included and `end` excluded, in UTC milliseconds since 1970.
///
/// Milliseconds, not seconds: platforms that report whole seconds are widened by the client, and a boundary such
/// as 23:59:59.800 against 00:00:00.300 must fall on exactly one side.
public struct SyncWindow: Hashable, Sendable, Codable, CustomStringConvertible {
    public var startMillis: Int64
    public var endMillis: Int64

    public init(startMillis: Int64, endMillis: Int64) {
        precondition(startMillis <= endMillis, "a window ends after it starts")
        self.startMillis = startMillis
        self.endMillis = endMillis
    }

    public var durationMillis: Int64 { endMillis - startMillis }

    public func contains(millis: Int64) -> Bool { millis >= startMillis && millis < endMillis }

    public var description: String { "[\(startMillis), \(endMillis)) ms" }
}
