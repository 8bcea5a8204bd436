/// The quantities of one SKU in one warehouse.
///
/// `available = onHand − reserved − frozen`, and none of the four may go below zero; ``applying(_:)`` refuses a
/// movement that would break that, and the store's schema refuses it again.
public struct StockLevel: Hashable, Sendable, Codable {
    /// 实物库存: units physically in the warehouse.
    public var onHand: Int64
    /// 占用: units promised to approved orders that have not shipped.
    public var reserved: Int64
    /// 冻结: units held back from sale (damaged, under inspection, kept for an event).
    public var frozen: Int64

    public init(onHand: Int64 = 0, reserved: Int64 = 0, frozen: Int64 = 0) {
        self.onHand = onHand
        self.reserved = reserved
        self.frozen = frozen
    }

    /// 可用库存: units that can still be promised to an order.
    public var available: Int64 { onHand - reserved - frozen }

    /// The level after `change`.
    /// - Throws: ``StockError`` when a quantity or the available stock would drop below zero.
    public func applying(_ change: StockChange) throws(StockError) -> StockLevel {
        let next = StockLevel(
            onHand: onHand + change.onHand,
            reserved: reserved + change.reserved,
            frozen: frozen + change.frozen
        )
        guard next.onHand >= 0, next.reserved >= 0, next.frozen >= 0 else {
            throw StockError(code: .belowZero, requested: change, level: self)
        }
        guard next.available >= 0 else {
            throw StockError(code: .insufficientAvailable, requested: change, level: self)
        }
        return next
    }
}

/// A change to a stock level, as the deltas of its three quantities.
public struct StockChange: Hashable, Sendable, Codable {
    public var onHand: Int64
    public var reserved: Int64
    public var frozen: Int64

    public init(onHand: Int64 = 0, reserved: Int64 = 0, frozen: Int64 = 0) {
        self.onHand = onHand
        self.reserved = reserved
        self.frozen = frozen
    }

    /// The change in available stock this causes.
    public var available: Int64 { onHand - reserved - frozen }

    public var isEmpty: Bool { onHand == 0 && reserved == 0 && frozen == 0 }

    /// Goods arrive: on hand grows.
    public static func receive(_ quantity: Int64) -> StockChange { StockChange(onHand: quantity) }
    /// Units are promised to an order.
    public static func reserve(_ quantity: Int64) -> StockChange { StockChange(reserved: quantity) }
    /// A promise is withdrawn (order held or cancelled before shipping).
    public static func release(_ quantity: Int64) -> StockChange { StockChange(reserved: -quantity) }
    /// Reserved units leave the warehouse in a parcel.
    public static func ship(_ quantity: Int64) -> StockChange { StockChange(onHand: -quantity, reserved: -quantity) }
    /// Units leave the warehouse without having been promised to an order (damaged, samples, internal use).
    public static func issue(_ quantity: Int64) -> StockChange { StockChange(onHand: -quantity) }
    /// Units are held back from sale.
    public static func freeze(_ quantity: Int64) -> StockChange { StockChange(frozen: quantity) }
    /// Held-back units return to sale.
    public static func unfreeze(_ quantity: Int64) -> StockChange { StockChange(frozen: -quantity) }
}

/// Why a stock change is refused.
public struct StockError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// On hand, reserved or frozen would drop below zero.
        case belowZero
        /// Not enough available stock to reserve or freeze.
        case insufficientAvailable
    }

    public let code: Code
    public let requested: StockChange
    public let level: StockLevel

    public init(code: Code, requested: StockChange, level: StockLevel) {
        self.code = code
        self.requested = requested
        self.level = level
    }

    public var description: String {
        switch code {
        case .belowZero:
            "the change would take stock below zero (on hand \(level.onHand), reserved \(level.reserved))"
        case .insufficientAvailable:
            "only \(level.available) available, \(-requested.available) needed"
        }
    }
}
