/// The reads of the warehouse pages: stock by SKU and warehouse a page at a time, the ledger behind a SKU's
/// numbers, and the print batches. Every query takes the company and the warehouses the reader's scope admits
/// (nil: all), reads one page by an index and never counts the whole list.
public struct WarehouseQueries {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// What the stock page asks for: an optional SKU code prefix, one warehouse, only places with nothing
    /// available, and the place after which the page starts (SKU code, warehouse code).
    public struct StockFilter: Sendable {
        public var skuPrefix: String
        public var warehouseCode: String
        public var isLowOnly: Bool
        public var after: (sku: String, warehouse: String)?

        public init(
            skuPrefix: String = "",
            warehouseCode: String = "",
            isLowOnly: Bool = false,
            after: (sku: String, warehouse: String)? = nil
        ) {
            self.skuPrefix = skuPrefix
            self.warehouseCode = warehouseCode
            self.isLowOnly = isLowOnly
            self.after = after
        }
    }

    /// At most `limit` stock places matching `filter`, by SKU code then warehouse code.
    public func stock(companyID: Int64, warehouseIDs: Set<Int64>?, filter: StockFilter, limit: Int) throws
        -> [DeskQueries.StockPlace]
    {
        let scope = DeskQueries.scope("b.warehouse_id", warehouseIDs)
        var conditions = ["b.company_id = ?", scope.sql]
        var arguments: [any SQLBindable] = [companyID] + scope.arguments
        if !filter.skuPrefix.isEmpty {
            conditions.append("substr(s.code, 1, ?) = ?")
            arguments += [filter.skuPrefix.count, filter.skuPrefix]
        }
        if !filter.warehouseCode.isEmpty {
            conditions.append("w.code = ?")
            arguments.append(filter.warehouseCode)
        }
        if filter.isLowOnly { conditions.append("b.on_hand - b.reserved - b.frozen <= 0") }
        if let after = filter.after {
            conditions.append("(s.code > ? OR (s.code = ? AND w.code > ?))")
            arguments += [after.sku, after.sku, after.warehouse]
        }
        return try connection.query(
            """
            SELECT w.code, s.code, s.name, b.on_hand, b.reserved, b.frozen FROM stock_balances b
            JOIN warehouses w ON w.id = b.warehouse_id JOIN skus s ON s.id = b.sku_id
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY s.code, w.code LIMIT ?
            """,
            arguments + [limit]
        ).map {
            DeskQueries.StockPlace(
                warehouse: $0.string(0),
                sku: $0.string(1),
                name: $0.string(2),
                onHand: $0.int(3),
                reserved: $0.int(4),
                frozen: $0.int(5)
            )
        }
    }

    /// One change of a SKU's balance in a warehouse, as the ledger page shows it.
    public struct LedgerRow: Sendable, Equatable {
        public let id: Int64
        public let warehouse: String
        public let onHandDelta: Int64
        public let reservedDelta: Int64
        public let frozenDelta: Int64
        public let valueDeltaFen: Int64
        public let reason: String
        /// What caused it: `trade:ID` for an order, `opening:WAREHOUSE/SKU` for opening stock, …
        public let document: String
        /// UTC seconds.
        public let createdAt: Int64
    }

    /// At most `limit` ledger entries of the SKU with code `skuCode`, newest first, in warehouse `warehouseCode`
    /// when it is not empty, older than entry `beforeID` when given.
    public func ledger(
        companyID: Int64,
        skuCode: String,
        warehouseCode: String = "",
        warehouseIDs: Set<Int64>?,
        beforeID: Int64?,
        limit: Int
    ) throws -> [LedgerRow] {
        let scope = DeskQueries.scope("l.warehouse_id", warehouseIDs)
        return try connection.query(
            """
            SELECT l.id, w.code, l.on_hand_delta, l.reserved_delta, l.frozen_delta, l.value_delta_fen, l.reason,
                   l.document, l.created_at
            FROM stock_ledger l JOIN warehouses w ON w.id = l.warehouse_id JOIN skus s ON s.id = l.sku_id
            WHERE l.company_id = ? AND s.company_id = ? AND s.code = ? AND \(scope.sql) AND l.id < ?
              AND (? = '' OR w.code = ?)
            ORDER BY l.id DESC LIMIT ?
            """,
            [companyID, companyID, skuCode] + scope.arguments
                + [beforeID ?? Int64.max, warehouseCode, warehouseCode, limit]
        ).map {
            LedgerRow(
                id: $0.int(0),
                warehouse: $0.string(1),
                onHandDelta: $0.int(2),
                reservedDelta: $0.int(3),
                frozenDelta: $0.int(4),
                valueDeltaFen: $0.int(5),
                reason: $0.string(6),
                document: $0.string(7),
                createdAt: $0.int(8)
            )
        }
    }

    /// A print batch: its number, when it was made and how many parcels' labels it first printed.
    public struct PrintBatch: Sendable, Equatable {
        public let number: Int64
        public let createdAt: Int64
        public let parcels: Int64
    }

    /// The company's newest print batches, at most `limit`.
    public func printBatches(companyID: Int64, limit: Int) throws -> [PrintBatch] {
        try connection.query(
            """
            SELECT b.number, b.created_at,
                   (SELECT COUNT(*) FROM label_prints p WHERE p.batch_id = b.id AND p.is_reprint = 0)
            FROM print_batches b WHERE b.company_id = ? ORDER BY b.number DESC LIMIT ?
            """,
            companyID,
            limit
        ).map { PrintBatch(number: $0.int(0), createdAt: $0.int(1), parcels: $0.int(2)) }
    }
}
