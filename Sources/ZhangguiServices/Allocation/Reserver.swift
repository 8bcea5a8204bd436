import ZhangguiCore
import ZhangguiStore

/// Reserves stock for a trade being approved: picks the warehouse, splits the trade across warehouses when no
/// single one can fill it, and posts a reservation for every SKU in the stock book.
struct Reserver {
    let connection: any DatabaseConnection
    let context: CompanyContext

    /// Reserves `trade`'s lines (which must all be mapped) from the warehouses serving `divisionCode` and returns
    /// the ids of its parts, the trade itself first; nil when those warehouses cannot fill it together (nothing is
    /// written).
    func reserve(_ trade: StoredTrade, divisionCode: String?, snapshot: inout StockSnapshot) throws -> [Int64]? {
        let demands = try trade.lines.enumerated().map { index, line in
            guard let skuID = line.skuID, let entry = snapshot.catalog.entry(forSKUID: skuID) else {
                throw OrderActionError(code: .unmapped, tradeID: trade.id, detail: "line \(line.lineNo)")
            }
            return LineDemand(lineIndex: index, quantity: line.quantity, perUnit: entry.parts)
        }
        let serving = snapshot.warehouseIDs(serving: divisionCode)
        guard
            let parts = AllocationPlanner.plan(demands: demands, warehouses: serving, available: snapshot.available)
        else { return nil }
        let placed = try place(trade, parts: parts)
        for (part, lineIDs) in zip(parts, placed) {
            for (entry, lineID) in zip(part.lines, lineIDs.lines) {
                let demand = demands[entry.lineIndex]
                for component in demand.perUnit {
                    let quantity = component.quantity * entry.quantity
                    try post(quantity, skuID: component.skuID, warehouseID: part.warehouseID, tradeID: lineIDs.tradeID)
                    try FulfilmentRecords(connection).reserve(
                        tradeID: lineIDs.tradeID,
                        lineID: lineID,
                        warehouseID: part.warehouseID,
                        skuID: component.skuID,
                        quantity: quantity,
                        companyID: context.id
                    )
                    snapshot.available[part.warehouseID, default: [:]][component.skuID, default: 0] -= quantity
                }
            }
        }
        return placed.map(\.tradeID)
    }

    private func post(_ quantity: Int64, skuID: Int64, warehouseID: Int64, tradeID: Int64) throws {
        try StockBook(connection, currency: context.currency).post(
            StockPosting(
                companyID: context.id,
                warehouseID: warehouseID,
                skuID: skuID,
                change: .reserve(quantity),
                reason: .reservation,
                document: "trade:\(tradeID)"
            )
        )
    }

    /// Puts each part's lines on a trade: the first part stays on `trade`, each further part becomes a split trade.
    /// Money moves with the units: each line is divided over its parts by ``LineMoney/divided(into:)``, the order
    /// discount follows the lines' shares, and the freight stays with the first part.
    private func place(_ trade: StoredTrade, parts: [WarehousePart]) throws -> [(tradeID: Int64, lines: [Int64])] {
        guard parts.count > 1 else { return [(trade.id, trade.lines.map(\.id))] }
        let records = TradeRecords(connection, currency: context.currency)
        let unitsByPart: [[Int: Int64]] = parts.map { part in
            Dictionary(uniqueKeysWithValues: part.lines.map { ($0.lineIndex, $0.quantity) })
        }
        var moneyByPart: [[Int: LineMoney]] = Array(repeating: [:], count: parts.count)
        for (index, line) in trade.lines.enumerated() {
            let holding = unitsByPart.indices.filter { (unitsByPart[$0][index] ?? 0) > 0 }
            let divided = line.money.divided(into: holding.map { unitsByPart[$0][index] ?? 0 })
            for (partIndex, money) in zip(holding, divided) { moneyByPart[partIndex][index] = money }
        }
        var placed: [(tradeID: Int64, lines: [Int64])] = [(trade.id, [])]
        var movedDiscount = Money.zero(context.currency)
        for partIndex in 1..<parts.count {
            let lines = parts[partIndex].lines.compactMap { entry in
                moneyByPart[partIndex][entry.lineIndex].map { (line: trade.lines[entry.lineIndex], money: $0) }
            }
            let discount = lines.map(\.money.orderDiscountShare).sum(currency: context.currency)
            let part = TradeRecords.SplitPart(
                lines: lines,
                discount: discount,
                freight: .zero(context.currency),
                state: trade.state
            )
            let child = try records.splitOff(parent: trade, part: part, companyID: context.id)
            placed.append((child.tradeID, child.lineIDs))
            movedDiscount += discount
        }
        placed[0].lines = try keepFirstPart(trade, money: moneyByPart[0], records: records)
        try records.keepOrderMoney(tradeID: trade.id, discount: trade.discount - movedDiscount, freight: trade.freight)
        return placed
    }

    private func keepFirstPart(_ trade: StoredTrade, money: [Int: LineMoney], records: TradeRecords) throws -> [Int64] {
        var kept: [Int64] = []
        for (index, line) in trade.lines.enumerated() {
            if let share = money[index] {
                if share.quantity != line.quantity { try records.shrinkLine(lineID: line.id, to: share) }
                kept.append(line.id)
            } else {
                try records.removeLine(lineID: line.id)
            }
        }
        return kept
    }
}
