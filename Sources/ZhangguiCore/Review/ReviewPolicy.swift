/// The thresholds of the automatic review, set per company.
public struct ReviewPolicy: Hashable, Sendable, Codable {
    /// Trades paying more than this get the high-priority tag (default 1,000 yuan).
    public var highPriorityThreshold: Money
    /// A line sold below this share of its list price, in basis points (3000 = 30 %), is held as a price anomaly.
    public var minimumListPriceShareBasisPoints: Int64
    public var holdsOnBuyerNote: Bool
    public var holdsOnSellerMemo: Bool

    public init(
        highPriorityThreshold: Money = Money(fen: 100_000),
        minimumListPriceShareBasisPoints: Int64 = 3000,
        holdsOnBuyerNote: Bool = true,
        holdsOnSellerMemo: Bool = true
    ) {
        self.highPriorityThreshold = highPriorityThreshold
        self.minimumListPriceShareBasisPoints = minimumListPriceShareBasisPoints
        self.holdsOnBuyerNote = holdsOnBuyerNote
        self.holdsOnSellerMemo = holdsOnSellerMemo
    }

    public static let standard = ReviewPolicy()
}
