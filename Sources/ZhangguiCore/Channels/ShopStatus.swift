/// Whether a connected shop syncs.
public enum ShopStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// Syncs on every run.
    case active
    /// 授权过期: the platform refused the seller's grant; nothing syncs until the seller authorises again.
    case authorizationExpired
    /// Paused by hand.
    case paused

    /// The Chinese name a seller sees.
    public var chineseName: String {
        switch self {
        case .active: "正常"
        case .authorizationExpired: "授权过期"
        case .paused: "已暂停"
        }
    }
}

/// How much of the available stock a shop offers on its platform (库存同步比例).
///
/// The pushed quantity is `floor((available − buffer) × share / 100 %)`, never below zero and never above the
/// maximum when one is set. Always an absolute value: pushing it again changes nothing.
public struct StockShare: Hashable, Sendable, Codable {
    /// The share offered, in basis points (10000 = 100 %).
    public var shareBasisPoints: Int64
    /// Units kept back before the share is taken.
    public var buffer: Int64
    /// The most ever offered, or nil for no cap.
    public var maximum: Int64?

    public init(shareBasisPoints: Int64 = 10_000, buffer: Int64 = 0, maximum: Int64? = nil) {
        precondition((0...10_000).contains(shareBasisPoints), "a share is between 0 and 100 %")
        precondition(buffer >= 0 && (maximum ?? 0) >= 0, "buffer and maximum are not negative")
        self.shareBasisPoints = shareBasisPoints
        self.buffer = buffer
        self.maximum = maximum
    }

    /// The quantity to offer when `available` units are free to sell.
    public func quantity(available: Int64) -> Int64 {
        let kept = max(0, available - buffer)
        // In 128 bits: available stock times 10,000 stays far inside, but costs nothing to be sure.
        let shared = Int64(Int128(kept) * Int128(shareBasisPoints) / 10_000)
        return maximum.map { min($0, shared) } ?? shared
    }

    /// How many whole listings of a SKU or combo can be sold: for a combo, the fewest complete sets its
    /// components' available units make.
    /// - Parameter parts: each component's available units and how many one listing takes.
    public static func sellable(parts: [(available: Int64, perListing: Int64)]) -> Int64 {
        guard !parts.isEmpty else { return 0 }
        return parts.map { $0.perListing > 0 ? max(0, $0.available) / $0.perListing : 0 }.min() ?? 0
    }
}
