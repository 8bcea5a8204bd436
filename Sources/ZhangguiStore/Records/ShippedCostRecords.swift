public import ZhangguiCore

/// The goods one trade line left with from one warehouse: units of a SKU and what they cost when they left.
public struct ShippedCost: Sendable, Hashable {
    public let tradeID: Int64
    public let lineID: Int64
    public let warehouseID: Int64
    public let skuID: Int64
    public let quantity: Int64
    public let cost: Money

    public init(tradeID: Int64, lineID: Int64, warehouseID: Int64, skuID: Int64, quantity: Int64, cost: Money) {
        self.tradeID = tradeID
        self.lineID = lineID
        self.warehouseID = warehouseID
        self.skuID = skuID
        self.quantity = quantity
        self.cost = cost
    }
}

/// The cost of goods each shipped trade line left with (`shipped_line_costs`), so a return comes back at that cost.
public struct ShippedCostRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Records what shipping took out, in the shipping transaction.
    public func record(_ costs: [ShippedCost], companyID: Int64) throws {
        for chunk in stride(from: 0, to: costs.count, by: 100).map({ costs[$0..<min($0 + 100, costs.count)] }) {
            let rows = Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", ")
            let arguments: [any SQLBindable] = chunk.flatMap { cost -> [any SQLBindable] in
                [companyID, cost.tradeID, cost.lineID, cost.warehouseID, cost.skuID, cost.quantity, cost.cost.fen]
            }
            try connection.execute(
                """
                INSERT INTO shipped_line_costs (company_id, trade_id, line_id, warehouse_id, sku_id, quantity, cost_fen)
                VALUES \(rows)
                """,
                arguments
            )
        }
    }

    /// What the lines of a trade left with, in the order they were recorded.
    public func costs(tradeID: Int64, companyID: Int64, currency: Currency) throws -> [ShippedCost] {
        try connection.query(
            """
            SELECT trade_id, line_id, warehouse_id, sku_id, quantity, cost_fen FROM shipped_line_costs
            WHERE company_id = ? AND trade_id = ? ORDER BY id
            """,
            companyID,
            tradeID
        ).map { row in
            ShippedCost(
                tradeID: row.int(0),
                lineID: row.int(1),
                warehouseID: row.int(2),
                skuID: row.int(3),
                quantity: row.int(4),
                cost: Money(fen: row.int(5), currency: currency)
            )
        }
    }

    /// What the lines of a trade shipped before line costs were recorded (migration 13) left with, read from the
    /// stock ledger's shipping entries (`trade:<id>`) per warehouse and SKU. An entry is given to the one line of
    /// `lines` (line id, SKU id) with its SKU; a SKU on several lines, or reached only through a combo, is left out.
    public func costsFromLedger(
        tradeID: Int64,
        lines: [(lineID: Int64, skuID: Int64?)],
        companyID: Int64,
        currency: Currency
    ) throws -> [ShippedCost] {
        try connection.query(
            """
            SELECT warehouse_id, sku_id, -SUM(on_hand_delta), -SUM(value_delta_fen) FROM stock_ledger
            WHERE company_id = ? AND document = ? AND reason = 'shipment'
            GROUP BY warehouse_id, sku_id ORDER BY MIN(id)
            """,
            companyID,
            "trade:\(tradeID)"
        ).compactMap { row in
            let owners = lines.filter { $0.skuID == row.int(1) }
            guard owners.count == 1, row.int(2) > 0 else { return nil }
            return ShippedCost(
                tradeID: tradeID,
                lineID: owners[0].lineID,
                warehouseID: row.int(0),
                skuID: row.int(1),
                quantity: row.int(2),
                cost: Money(fen: row.int(3), currency: currency)
            )
        }
    }
}
