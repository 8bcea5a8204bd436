/// What one trade line needs from stock: per unit of the line, which SKUs and how many (a combo needs several).
public struct LineDemand: Hashable, Sendable {
    /// Position of the line in its trade, carried through to the plan.
    public var lineIndex: Int
    public var quantity: Int64
    public var perUnit: [(skuID: Int64, quantity: Int64)]

    public init(lineIndex: Int, quantity: Int64, perUnit: [(skuID: Int64, quantity: Int64)]) {
        self.lineIndex = lineIndex
        self.quantity = quantity
        self.perUnit = perUnit
    }

    public static func == (lhs: LineDemand, rhs: LineDemand) -> Bool {
        lhs.lineIndex == rhs.lineIndex && lhs.quantity == rhs.quantity
            && lhs.perUnit.map(\.skuID) == rhs.perUnit.map(\.skuID)
            && lhs.perUnit.map(\.quantity) == rhs.perUnit.map(\.quantity)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lineIndex)
        hasher.combine(quantity)
    }
}

/// The part of a trade one warehouse ships: which lines, how many units of each.
public struct WarehousePart: Hashable, Sendable {
    public var warehouseID: Int64
    /// Units per line index, in line order.
    public var lines: [(lineIndex: Int, quantity: Int64)]

    public static func == (lhs: WarehousePart, rhs: WarehousePart) -> Bool {
        lhs.warehouseID == rhs.warehouseID && lhs.lines.map(\.lineIndex) == rhs.lines.map(\.lineIndex)
            && lhs.lines.map(\.quantity) == rhs.lines.map(\.quantity)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(warehouseID)
    }
}

/// Chooses where a trade ships from (选仓): one warehouse when any single one can fill the whole trade, trying
/// them in priority order; otherwise the trade is split (拆单), each line's units taken from the first warehouse
/// by priority that still has them. A combo unit is never split: all its components come from one warehouse.
public enum AllocationPlanner {
    /// - Parameters:
    ///   - demands: the trade's lines.
    ///   - warehouses: ids of the warehouses that may serve the receiver, in priority order.
    ///   - available: available units per warehouse id and SKU id.
    /// - Returns: the parts in priority order, or nil when all the warehouses together cannot fill the trade.
    public static func plan(demands: [LineDemand], warehouses: [Int64], available: [Int64: [Int64: Int64]])
        -> [WarehousePart]?
    {
        for warehouse in warehouses where canFill(demands, from: available[warehouse] ?? [:]) {
            return [WarehousePart(warehouseID: warehouse, lines: demands.map { ($0.lineIndex, $0.quantity) })]
        }
        return split(demands, warehouses: warehouses, available: available)
    }

    private static func canFill(_ demands: [LineDemand], from stock: [Int64: Int64]) -> Bool {
        var needed: [Int64: Int64] = [:]
        for demand in demands {
            for part in demand.perUnit { needed[part.skuID, default: 0] += part.quantity * demand.quantity }
        }
        return needed.allSatisfy { stock[$0.key, default: 0] >= $0.value }
    }

    private static func split(_ demands: [LineDemand], warehouses: [Int64], available: [Int64: [Int64: Int64]])
        -> [WarehousePart]?
    {
        var remaining = available
        var parts: [Int64: [(lineIndex: Int, quantity: Int64)]] = [:]
        for demand in demands {
            var left = demand.quantity
            for warehouse in warehouses where left > 0 {
                let stock = remaining[warehouse] ?? [:]
                let units = min(left, demand.perUnit.map { stock[$0.skuID, default: 0] / $0.quantity }.min() ?? 0)
                guard units > 0 else { continue }
                for part in demand.perUnit {
                    remaining[warehouse, default: [:]][part.skuID, default: 0] -= part.quantity * units
                }
                parts[warehouse, default: []].append((demand.lineIndex, units))
                left -= units
            }
            if left > 0 { return nil }
        }
        return warehouses.compactMap { warehouse in
            parts[warehouse].map { WarehousePart(warehouseID: warehouse, lines: $0) }
        }
    }
}
