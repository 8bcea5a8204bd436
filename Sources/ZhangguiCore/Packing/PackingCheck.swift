/// 验货: what a parcel must hold, by SKU id, against what has been scanned into it so far. Pure: the service loads
/// both sides and stores what the check accepts.
public struct PackingCheck: Sendable, Equatable {
    /// Units the parcel must hold, by SKU id (a combo counts as its components).
    public let wanted: [Int64: Int64]
    /// Units accepted so far, by SKU id.
    public private(set) var scanned: [Int64: Int64]

    public init(wanted: [Int64: Int64], scanned: [Int64: Int64] = [:]) {
        self.wanted = wanted
        self.scanned = scanned
    }

    /// Scans `units` (one SKU, or a combo's components) into the parcel. Accepted only when every SKU is in the
    /// parcel and none goes over what it must hold; otherwise nothing is counted.
    public mutating func scan(_ units: [Int64: Int64]) -> PackingScanOutcome {
        for skuID in units.keys.sorted() where wanted[skuID] == nil {
            return .extra(skuID: skuID)
        }
        for (skuID, count) in units.sorted(by: { $0.key < $1.key }) {
            let after = scanned[skuID, default: 0] + count
            if after > wanted[skuID, default: 0] {
                return .tooMany(skuID: skuID, wanted: wanted[skuID, default: 0], scanned: after)
            }
        }
        for (skuID, count) in units { scanned[skuID, default: 0] += count }
        return .accepted
    }

    /// The SKUs still short, in SKU id order; empty when the parcel is complete.
    public var missing: [PackingDifference] {
        wanted.keys.sorted().compactMap { skuID in
            let have = scanned[skuID, default: 0]
            let want = wanted[skuID, default: 0]
            return have < want ? PackingDifference(skuID: skuID, wanted: want, scanned: have) : nil
        }
    }

    /// Whether every unit the parcel must hold has been scanned, and nothing else.
    public var isComplete: Bool { missing.isEmpty }
}

/// The answer to one scan.
public enum PackingScanOutcome: Sendable, Equatable {
    /// Counted.
    case accepted
    /// The SKU is not in this parcel: take it out.
    case extra(skuID: Int64)
    /// The parcel holds `wanted` of the SKU and this scan would make `scanned`.
    case tooMany(skuID: Int64, wanted: Int64, scanned: Int64)
}

/// A SKU whose scanned count differs from what the parcel must hold (`wanted` 0 for an item not in the parcel).
public struct PackingDifference: Sendable, Equatable {
    public let skuID: Int64
    public let wanted: Int64
    public let scanned: Int64

    public init(skuID: Int64, wanted: Int64, scanned: Int64) {
        self.skuID = skuID
        self.wanted = wanted
        self.scanned = scanned
    }
}
