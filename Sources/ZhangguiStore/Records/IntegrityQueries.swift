public import ZhangguiCore

/// Reads the books two ways so a check can prove they agree: balances against the ledger rebuilt from scratch,
/// costs against the ledger's values, reservations against reserved stock, vouchers against themselves.
public struct IntegrityQueries {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// A warehouse and SKU, by code, for messages.
    public struct Place: Hashable, Sendable, CustomStringConvertible {
        public let warehouse: String
        public let sku: String

        public init(warehouse: String, sku: String) {
            self.warehouse = warehouse
            self.sku = sku
        }

        public var description: String { "\(warehouse)/\(sku)" }
    }

    /// Stock levels per place as the balance table holds them.
    public func balances(companyID: Int64) throws -> [Place: StockLevel] {
        try levels(
            """
            SELECT w.code, s.code, b.on_hand, b.reserved, b.frozen FROM stock_balances b
            JOIN warehouses w ON w.id = b.warehouse_id JOIN skus s ON s.id = b.sku_id WHERE b.company_id = ?
            """,
            companyID
        )
    }

    /// Stock levels per place rebuilt by summing every ledger entry.
    public func ledgerTotals(companyID: Int64) throws -> [Place: StockLevel] {
        try levels(
            """
            SELECT w.code, s.code, SUM(l.on_hand_delta), SUM(l.reserved_delta), SUM(l.frozen_delta)
            FROM stock_ledger l JOIN warehouses w ON w.id = l.warehouse_id JOIN skus s ON s.id = l.sku_id
            WHERE l.company_id = ? GROUP BY w.code, s.code
            """,
            companyID
        )
    }

    /// Reserved units per place as the open reservations add up.
    public func reservationTotals(companyID: Int64) throws -> [Place: Int64] {
        var result: [Place: Int64] = [:]
        try connection.forEach(
            """
            SELECT w.code, s.code, SUM(r.quantity) FROM reservations r
            JOIN warehouses w ON w.id = r.warehouse_id JOIN skus s ON s.id = r.sku_id
            WHERE r.company_id = ? GROUP BY w.code, s.code
            """,
            [companyID]
        ) { result[Place(warehouse: $0.string(0), sku: $0.string(1))] = $0.int(2) }
        return result
    }

    /// Quantity and value per SKU code as the cost table holds them.
    public func costs(companyID: Int64) throws -> [String: (quantity: Int64, value: Int64)] {
        try pairs(
            "SELECT s.code, c.quantity, c.value_fen FROM sku_costs c JOIN skus s ON s.id = c.sku_id "
                + "WHERE c.company_id = ?",
            companyID
        )
    }

    /// Quantity and value per SKU code rebuilt from the ledger.
    public func ledgerCosts(companyID: Int64) throws -> [String: (quantity: Int64, value: Int64)] {
        try pairs(
            """
            SELECT s.code, SUM(l.on_hand_delta), SUM(l.value_delta_fen) FROM stock_ledger l JOIN skus s ON
                s.id = l.sku_id
            WHERE l.company_id = ? GROUP BY s.code
            """,
            companyID
        )
    }

    /// Vouchers whose debits and credits differ: period, number, debits, credits.
    public func unbalancedVouchers(companyID: Int64) throws -> [(voucher: String, debits: Int64, credits: Int64)] {
        try connection.query(
            """
            SELECT v.period, v.number, SUM(l.debit_fen), SUM(l.credit_fen) FROM vouchers v
            JOIN voucher_lines l ON l.voucher_id = v.id WHERE v.company_id = ?
            GROUP BY v.id, v.period, v.number HAVING SUM(l.debit_fen) <> SUM(l.credit_fen)
            """,
            companyID
        ).map { ("记-\($0.string(0))-\($0.int(1))", $0.int(2), $0.int(3)) }
    }

    /// Trades whose state and reservations disagree: approved, allocated and waybilled trades must hold stock,
    /// all others none. Returns platform order id, split part and state.
    public func tradesWithWrongReservations(companyID: Int64) throws
        -> [(order: String, splitSeq: Int64, state: String)]
    {
        try connection.query(
            """
            SELECT t.platform_order_id, t.split_seq, t.state FROM trades t
            WHERE t.company_id = ?
            AND (t.state IN ('approved', 'allocated', 'waybilled'))
                <> EXISTS (SELECT 1 FROM reservations r WHERE r.trade_id = t.id)
            ORDER BY t.id
            """,
            companyID
        ).map { ($0.string(0), $0.int(1), $0.string(2)) }
    }

    /// The append-only guards (triggers) that are missing, or whose definition is not the one the schema created
    /// (a guard swapped for a harmless one of the same name), each with what is wrong.
    public func guardProblems(expected: [(name: String, definition: String?)]) throws -> [String] {
        let sql =
            switch connection.dialect {
            case .sqlite: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            case .postgres: "SELECT tgname, NULL FROM pg_trigger WHERE NOT tgisinternal"
            }
        var present: [String: String] = [:]
        for row in try connection.query(sql) { present[row.string(0)] = row.string(1) }
        return expected.compactMap { guardTrigger in
            guard let found = present[guardTrigger.name] else { return "guard \(guardTrigger.name) is missing" }
            if let definition = guardTrigger.definition, found != definition {
                return "guard \(guardTrigger.name) was changed"
            }
            return nil
        }
    }

    /// Trades whose state disagrees with their amounts, lines or shipment: every trade has lines whose net amounts
    /// add up to its goods, and goods plus freight to what was paid; allocated, waybilled and shipped trades are in
    /// a shipment, others in none; waybilled and shipped ones have a waybill; shipped ones a shipment that left,
    /// and a shipment that left holds only shipped trades.
    public func inconsistentTrades(companyID: Int64) throws -> [(order: String, splitSeq: Int64, problem: String)] {
        try connection.query(
            """
            SELECT t.platform_order_id, t.split_seq,
                CASE
                    WHEN NOT EXISTS (SELECT 1 FROM trade_lines l WHERE l.trade_id = t.id) THEN 'has no lines'
                    WHEN t.goods_fen <> (SELECT SUM(l.net_fen) FROM trade_lines l WHERE l.trade_id = t.id)
                        THEN 'has goods that differ from its lines'
                    WHEN t.paid_fen <> t.goods_fen + t.freight_fen THEN 'was paid other than goods plus freight'
                    WHEN (t.state IN ('allocated', 'waybilled', 'shipped')) <> (t.shipment_id IS NOT NULL)
                        THEN 'is ' || t.state || (CASE WHEN t.shipment_id IS NULL THEN ' without' ELSE ' with' END)
                            || ' a shipment'
                    WHEN t.state IN ('waybilled', 'shipped') AND s.waybill_no IS NULL THEN 'is ' || t.state
                        || ' without a waybill'
                    WHEN (t.state = 'shipped') <> (s.shipped_at IS NOT NULL AND t.shipment_id IS NOT NULL)
                        THEN 'is ' || t.state || ' in a shipment that ' || (CASE WHEN s.shipped_at IS NULL
                            THEN 'has not left' ELSE 'has left' END)
                END AS problem
            FROM trades t LEFT JOIN shipments s ON s.id = t.shipment_id
            WHERE t.company_id = ?
            ORDER BY t.id
            """,
            companyID
        ).compactMap { row in row.optionalString(2).map { (row.string(0), row.int(1), $0) } }
    }

    /// Shipped trades without a shipment entry in the stock ledger (their goods never left on the books).
    public func shippedTradesWithoutLedger(companyID: Int64) throws -> [(order: String, splitSeq: Int64)] {
        var documents: Set<String> = []
        try connection.forEach(
            "SELECT DISTINCT document FROM stock_ledger WHERE company_id = ? AND reason = 'shipment'",
            [companyID]
        ) { documents.insert($0.string(0)) }
        return try connection.query(
            "SELECT id, platform_order_id, split_seq FROM trades WHERE company_id = ? AND state = 'shipped' ORDER BY id",
            companyID
        ).filter { !documents.contains("trade:\($0.int(0))") }.map { ($0.string(1), $0.int(2)) }
    }

    /// Shipments without trades that never got a waybill (holding or cancelling removes those).
    public func emptyOpenShipments(companyID: Int64) throws -> [Int64] {
        try connection.query(
            """
            SELECT s.id FROM shipments s WHERE s.company_id = ? AND s.waybill_no IS NULL
            AND NOT EXISTS (SELECT 1 FROM trades t WHERE t.shipment_id = s.id) ORDER BY s.id
            """,
            companyID
        ).map { $0.int(0) }
    }

    /// Number of vouchers and lines.
    public func voucherCounts(companyID: Int64) throws -> (vouchers: Int64, lines: Int64) {
        let vouchers = try connection.queryOne("SELECT COUNT(*) FROM vouchers WHERE company_id = ?", companyID)?.int(0)
        let lines = try connection.queryOne("SELECT COUNT(*) FROM voucher_lines WHERE company_id = ?", companyID)?.int(
            0
        )
        return (vouchers ?? 0, lines ?? 0)
    }

    /// Number of ledger entries.
    public func ledgerEntryCount(companyID: Int64) throws -> Int64 {
        try connection.queryOne("SELECT COUNT(*) FROM stock_ledger WHERE company_id = ?", companyID)?.int(0) ?? 0
    }

    private func levels(_ sql: String, _ companyID: Int64) throws -> [Place: StockLevel] {
        var result: [Place: StockLevel] = [:]
        try connection.forEach(sql, [companyID]) { row in
            result[Place(warehouse: row.string(0), sku: row.string(1))] = StockLevel(
                onHand: row.int(2),
                reserved: row.int(3),
                frozen: row.int(4)
            )
        }
        return result
    }

    func pairs(_ sql: String, _ companyID: Int64) throws -> [String: (quantity: Int64, value: Int64)] {
        var result: [String: (quantity: Int64, value: Int64)] = [:]
        try connection.forEach(sql, [companyID]) { result[$0.string(0)] = ($0.int(1), $0.int(2)) }
        return result
    }
}
