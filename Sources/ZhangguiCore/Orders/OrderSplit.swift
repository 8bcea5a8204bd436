/// Units of one line a clerk moves to a new part of the order: the whole line (拆单 by line) or some of its units
/// (by quantity).
public struct SplitMove: Hashable, Sendable {
    /// Position of the line in the trade's lines.
    public var lineIndex: Int
    /// Units to move; nil moves the whole line.
    public var quantity: Int64?

    public init(lineIndex: Int, quantity: Int64? = nil) {
        self.lineIndex = lineIndex
        self.quantity = quantity
    }
}

/// Why a split as asked cannot be made; each names the move at fault by its position in the request.
public enum SplitRefusal: Error, Hashable, Sendable {
    /// No line was named.
    case nothingToMove
    /// The move names a line the order does not have.
    case unknownLine(move: Int)
    /// The move names a line an earlier move named already.
    case repeatedLine(move: Int)
    /// The quantity is not between 1 and the units the line has.
    case quantityOutOfRange(move: Int, available: Int64)
    /// Every unit of the order would move: nothing would be left to split from.
    case wholeOrder
}

/// Manual split (手工拆单): which units stay on the order and which move to a new part, with the money divided so
/// that every amount of the two parts sums back exactly to the original.
///
/// Each line is divided with ``LineMoney/divided(into:)``, the same division the automatic split across
/// warehouses uses. The order discount of each part is the sum of its lines' shares; the freight is spread over
/// the two parts by their nets (largest remainder, ties to the order that stays).
public struct OrderSplit: Hashable, Sendable {
    /// A line's units and money on one side of the split.
    public struct LinePart: Hashable, Sendable {
        public var lineIndex: Int
        public var money: LineMoney
    }

    /// What stays on the order, by line, in line order; a line moved whole is absent.
    public let kept: [LinePart]
    /// What moves to the new part, in line order.
    public let moved: [LinePart]
    public let keptOrderDiscount: Money
    public let movedOrderDiscount: Money
    public let keptFreight: Money
    public let movedFreight: Money

    /// Plans the split of an order with `lines`, an order-level `discount` and `freight`.
    /// - Throws: ``SplitRefusal`` naming the first move at fault.
    public init(lines: [LineMoney], moves: [SplitMove], discount: Money, freight: Money) throws(SplitRefusal) {
        let units = try Self.unitsToMove(lines: lines, moves: moves)
        var kept: [LinePart] = []
        var moved: [LinePart] = []
        for (index, line) in lines.enumerated() {
            let moving = units[index] ?? 0
            if moving == 0 {
                kept.append(LinePart(lineIndex: index, money: line))
            } else if moving == line.quantity {
                moved.append(LinePart(lineIndex: index, money: line))
            } else {
                let parts = line.divided(into: [line.quantity - moving, moving])
                kept.append(LinePart(lineIndex: index, money: parts[0]))
                moved.append(LinePart(lineIndex: index, money: parts[1]))
            }
        }
        let zero = Money.zero(discount.currency)
        movedOrderDiscount = moved.map(\.money.orderDiscountShare).sum(currency: zero.currency)
        keptOrderDiscount = discount - movedOrderDiscount
        let nets = [kept, moved].map { side in max(0, side.map(\.money.net.fen).reduce(0, +)) }
        let freights = freight.spread(over: nets)
        keptFreight = freights[0]
        movedFreight = freights[1]
        self.kept = kept
        self.moved = moved
    }

    /// Units to move per line index, checking each move.
    private static func unitsToMove(lines: [LineMoney], moves: [SplitMove]) throws(SplitRefusal) -> [Int: Int64] {
        guard !moves.isEmpty else { throw .nothingToMove }
        var units: [Int: Int64] = [:]
        for (position, move) in moves.enumerated() {
            guard lines.indices.contains(move.lineIndex) else { throw .unknownLine(move: position) }
            guard units[move.lineIndex] == nil else { throw .repeatedLine(move: position) }
            let available = lines[move.lineIndex].quantity
            let quantity = move.quantity ?? available
            guard quantity >= 1, quantity <= available else {
                throw .quantityOutOfRange(move: position, available: available)
            }
            units[move.lineIndex] = quantity
        }
        let total = lines.reduce(Int64(0)) { $0 + $1.quantity }
        guard units.values.reduce(0, +) < total else { throw .wholeOrder }
        return units
    }
}
