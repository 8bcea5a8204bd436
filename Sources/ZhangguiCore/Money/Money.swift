/// An ISO 4217 currency code such as `CNY`.
public struct Currency: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue.uppercased()
    }

    /// Renminbi, the currency of every Chinese platform.
    public static let cny = Currency(rawValue: "CNY")

    public var description: String { rawValue }
}

/// An amount of money as an integer number of fen (1/100 of the unit) in one currency.
///
/// Arithmetic between different currencies is a programming error and traps: every amount in one trade,
/// stock document or voucher shares the company's currency, which the store guarantees.
public struct Money: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The amount in fen (hundredths); negative for credits and refunds.
    public let fen: Int64
    public let currency: Currency

    public init(fen: Int64, currency: Currency = .cny) {
        self.fen = fen
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency = .cny) -> Money {
        Money(fen: 0, currency: currency)
    }

    public var isZero: Bool { fen == 0 }

    /// The amount as a decimal text with two places, such as `1299.00` or `-0.50`.
    public var decimalText: String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public var description: String { "\(decimalText) \(currency)" }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.fen < rhs.fen
    }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(fen: lhs.fen + rhs.fen, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "subtracting \(rhs.currency) from \(lhs.currency)")
        return Money(fen: lhs.fen - rhs.fen, currency: lhs.currency)
    }

    public static func += (lhs: inout Money, rhs: Money) {
        lhs = lhs + rhs
    }

    public static func -= (lhs: inout Money, rhs: Money) {
        lhs = lhs - rhs
    }

    public static prefix func - (amount: Money) -> Money {
        Money(fen: -amount.fen, currency: amount.currency)
    }

    /// The amount multiplied by a whole quantity, such as a unit price times the units on a line.
    public func times(_ quantity: Int64) -> Money {
        Money(fen: fen * quantity, currency: currency)
    }
}

extension Sequence where Element == Money {
    /// The sum of the amounts, or zero in `currency` for an empty sequence.
    public func sum(currency: Currency = .cny) -> Money {
        reduce(Money.zero(currency), +)
    }
}
