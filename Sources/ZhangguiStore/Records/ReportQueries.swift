/// Read-only figures for reports.
public struct ReportQueries {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Number of trades per state (split parts count as trades).
    public func tradesByState(companyID: Int64) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        try connection.forEach("SELECT state, COUNT(*) FROM trades WHERE company_id = ? GROUP BY state", [companyID]) {
            result[$0.string(0)] = $0.int(1)
        }
        return result
    }

    /// Number of distinct platform orders, number of split parts beyond the first, and of high-priority trades.
    public func orderCounts(companyID: Int64) throws -> (orders: Int64, splitParts: Int64, highPriority: Int64) {
        let row = try connection.queryOne(
            """
            SELECT SUM(CASE WHEN split_seq = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN split_seq > 0 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN is_high_priority = 1 AND split_seq = 0 THEN 1 ELSE 0 END)
            FROM trades WHERE company_id = ?
            """,
            companyID
        )
        return (row?.int(0) ?? 0, row?.int(1) ?? 0, row?.int(2) ?? 0)
    }

    /// Number of shipments, and of shipments holding more than one trade (merged).
    public func shipmentCounts(companyID: Int64) throws -> (shipments: Int64, merged: Int64) {
        let row = try connection.queryOne(
            """
            SELECT COUNT(*), SUM(CASE WHEN n > 1 THEN 1 ELSE 0 END) FROM (
                SELECT s.id, COUNT(t.id) AS n FROM shipments s JOIN trades t ON t.shipment_id = s.id
                WHERE s.company_id = ? GROUP BY s.id) counted
            """,
            companyID
        )
        return (row?.int(0) ?? 0, row?.int(1) ?? 0)
    }

    /// Credit minus debit of an account (revenue-like accounts) or debit minus credit (pass `debitNormal`).
    public func accountTotal(_ code: String, debitNormal: Bool, companyID: Int64) throws -> Int64 {
        let row = try connection.queryOne(
            "SELECT COALESCE(SUM(debit_fen), 0), COALESCE(SUM(credit_fen), 0) FROM voucher_lines "
                + "WHERE company_id = ? AND account_code = ?",
            companyID,
            code
        )
        let debit = row?.int(0) ?? 0
        let credit = row?.int(1) ?? 0
        return debitNormal ? debit - credit : credit - debit
    }

    /// Revenue and cost per SKU code from the voucher lines, largest margin first, up to `limit`.
    public func marginBySKU(revenueAccount: String, costAccount: String, companyID: Int64, limit: Int) throws
        -> [(sku: String, revenue: Int64, cost: Int64)]
    {
        try connection.query(
            """
            SELECT sku_code, revenue, cost FROM (
                SELECT sku_code,
                       SUM(CASE WHEN account_code = ? THEN credit_fen - debit_fen ELSE 0 END) AS revenue,
                       SUM(CASE WHEN account_code = ? THEN debit_fen - credit_fen ELSE 0 END) AS cost
                FROM voucher_lines WHERE company_id = ? AND sku_code IS NOT NULL GROUP BY sku_code) margins
            ORDER BY revenue - cost DESC, sku_code LIMIT ?
            """,
            revenueAccount,
            costAccount,
            companyID,
            limit
        ).map { ($0.string(0), $0.int(1), $0.int(2)) }
    }

    /// Stock totals over all warehouses: on hand, reserved, frozen, and the stock's value in fen.
    public func stockTotals(companyID: Int64) throws -> (onHand: Int64, reserved: Int64, frozen: Int64, value: Int64) {
        let row = try connection.queryOne(
            """
            SELECT COALESCE(SUM(on_hand), 0), COALESCE(SUM(reserved), 0), COALESCE(SUM(frozen), 0)
            FROM stock_balances WHERE company_id = ?
            """,
            companyID
        )
        let value = try connection.queryOne(
            "SELECT COALESCE(SUM(value_fen), 0) FROM sku_costs WHERE company_id = ?",
            companyID
        )
        return (row?.int(0) ?? 0, row?.int(1) ?? 0, row?.int(2) ?? 0, value?.int(0) ?? 0)
    }

    /// Stock per warehouse and SKU, optionally for one SKU code: warehouse, SKU, on hand, reserved, frozen.
    public func stockLevels(companyID: Int64, skuCode: String?) throws
        -> [(warehouse: String, sku: String, onHand: Int64, reserved: Int64, frozen: Int64)]
    {
        try connection.query(
            """
            SELECT w.code, s.code, b.on_hand, b.reserved, b.frozen FROM stock_balances b
            JOIN warehouses w ON w.id = b.warehouse_id JOIN skus s ON s.id = b.sku_id
            WHERE b.company_id = ? AND (? = '' OR s.code = ?) ORDER BY s.code, w.priority, w.code
            """,
            companyID,
            skuCode ?? "",
            skuCode ?? ""
        ).map { ($0.string(0), $0.string(1), $0.int(2), $0.int(3), $0.int(4)) }
    }

    /// The ledger entries of one SKU, oldest first: warehouse, deltas, value, reason, document, time.
    public func ledger(companyID: Int64, skuCode: String, limit: Int, warehouseIDs: Set<Int64>? = nil) throws
        -> [(
            warehouse: String, onHand: Int64, reserved: Int64, frozen: Int64, value: Int64, reason: String,
            document: String
        )]
    {
        let ids = warehouseIDs.map { $0.sorted() }
        let condition = ids.map { ids in
            ids.isEmpty ? " AND 1 = 0" : " AND l.warehouse_id IN (\(CatalogRecords.placeholders(ids.count)))"
        }
        return try connection.query(
            """
            SELECT w.code, l.on_hand_delta, l.reserved_delta, l.frozen_delta, l.value_delta_fen, l.reason, l.document
            FROM stock_ledger l JOIN warehouses w ON w.id = l.warehouse_id JOIN skus s ON s.id = l.sku_id
            WHERE l.company_id = ? AND s.code = ?\(condition ?? "") ORDER BY l.id LIMIT ?
            """,
            [companyID, skuCode] + (ids ?? []).map { $0 as any SQLBindable } + [limit]
        ).map { ($0.string(0), $0.int(1), $0.int(2), $0.int(3), $0.int(4), $0.string(5), $0.string(6)) }
    }
}

extension ReportQueries {
    /// One row of the order list.
    public struct OrderListRow: Sendable {
        public let tradeID: Int64
        public let platformOrderID: String
        public let splitSeq: Int64
        public let state: String
        public let paidFen: Int64
        public let isHighPriority: Bool
        public let waybill: String?
        /// Open holds as `reason(check): detail`, joined by `; `.
        public let holds: String

        public init(
            tradeID: Int64,
            platformOrderID: String,
            splitSeq: Int64,
            state: String,
            paidFen: Int64,
            isHighPriority: Bool,
            waybill: String?,
            holds: String
        ) {
            self.tradeID = tradeID
            self.platformOrderID = platformOrderID
            self.splitSeq = splitSeq
            self.state = state
            self.paidFen = paidFen
            self.isHighPriority = isHighPriority
            self.waybill = waybill
            self.holds = holds
        }
    }

    /// Trades of the company, optionally in one state, newest platform order first, up to `limit`.
    public func orderList(companyID: Int64, state: String?, limit: Int) throws -> [OrderListRow] {
        let openHolds = connection.dialect.joinedTexts(
            "h.reason || '(' || h.check_name || '): ' || h.detail",
            separator: "; ",
            orderedBy: "h.id"
        )
        return try connection.query(
            """
            SELECT t.id, t.platform_order_id, t.split_seq, t.state, t.paid_fen, t.is_high_priority, s.waybill_no,
                   (SELECT \(openHolds) FROM trade_holds h WHERE h.trade_id = t.id AND h.released_at IS NULL)
            FROM trades t LEFT JOIN shipments s ON s.id = t.shipment_id
            WHERE t.company_id = ? AND (? = '' OR t.state = ?)
            ORDER BY t.id LIMIT ?
            """,
            companyID,
            state ?? "",
            state ?? "",
            limit
        ).map {
            OrderListRow(
                tradeID: $0.int(0),
                platformOrderID: $0.string(1),
                splitSeq: $0.int(2),
                state: $0.string(3),
                paidFen: $0.int(4),
                isHighPriority: $0.bool(5),
                waybill: $0.optionalString(6),
                holds: $0.string(7)
            )
        }
    }
}
