/// The reads of the web pages: the dashboard's counts and the order desk's pages with their filters. Every query
/// takes the company and the shops (or warehouses) the reader's data scope admits.
public struct DeskQueries {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// How many of the company's trades are in each state, counting only the shops in `shopIDs` (nil: all).
    public func tradesByState(companyID: Int64, shopIDs: Set<Int64>?) throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        let scope = Self.scope("t.shop_id", shopIDs)
        try connection.forEach(
            "SELECT t.state, COUNT(*) FROM trades t WHERE t.company_id = ? AND \(scope.sql) GROUP BY t.state",
            [companyID] + scope.arguments
        ) { counts[$0.string(0)] = $0.int(1) }
        return counts
    }

    /// How many held trades carry each open hold reason.
    public func holdsByReason(companyID: Int64, shopIDs: Set<Int64>?) throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        let scope = Self.scope("t.shop_id", shopIDs)
        try connection.forEach(
            """
            SELECT h.reason, COUNT(DISTINCT t.id) FROM trade_holds h JOIN trades t ON t.id = h.trade_id
            WHERE t.company_id = ? AND t.state = 'onHold' AND h.released_at IS NULL AND \(scope.sql)
            GROUP BY h.reason
            """,
            [companyID] + scope.arguments
        ) { counts[$0.string(0)] = $0.int(1) }
        return counts
    }

    /// A stock place with nothing available.
    public struct StockPlace: Sendable, Hashable {
        public let warehouse: String
        public let sku: String
        public let name: String
        public let onHand: Int64
        public let reserved: Int64
        public let frozen: Int64
        public var available: Int64 { onHand - reserved - frozen }
    }

    /// Balances whose available quantity (on hand − reserved − frozen) is at or below zero, by SKU code.
    public func stockAtOrBelowZero(companyID: Int64, warehouseIDs: Set<Int64>?, limit: Int) throws -> [StockPlace] {
        let scope = Self.scope("b.warehouse_id", warehouseIDs)
        return try connection.query(
            """
            SELECT w.code, s.code, s.name, b.on_hand, b.reserved, b.frozen FROM stock_balances b
            JOIN warehouses w ON w.id = b.warehouse_id JOIN skus s ON s.id = b.sku_id
            WHERE b.company_id = ? AND b.on_hand - b.reserved - b.frozen <= 0 AND \(scope.sql)
            ORDER BY s.code, w.code LIMIT ?
            """,
            [companyID] + scope.arguments + [limit]
        ).map {
            StockPlace(
                warehouse: $0.string(0),
                sku: $0.string(1),
                name: $0.string(2),
                onHand: $0.int(3),
                reserved: $0.int(4),
                frozen: $0.int(5)
            )
        }
    }

    /// The company's shops the scope admits, by code.
    public func shops(companyID: Int64, shopIDs: Set<Int64>?) throws -> [(code: String, name: String)] {
        let scope = Self.scope("id", shopIDs)
        return try connection.query(
            "SELECT code, name FROM shops WHERE company_id = ? AND \(scope.sql) ORDER BY code",
            [companyID] + scope.arguments
        ).map { ($0.string(0), $0.string(1)) }
    }

    /// `column IN (…)` for a set of ids, or always true for nil; an empty set admits nothing.
    static func scope(_ column: String, _ ids: Set<Int64>?) -> (sql: String, arguments: [any SQLBindable]) {
        guard let ids else { return ("1 = 1", []) }
        guard !ids.isEmpty else { return ("1 = 0", []) }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        return ("\(column) IN (\(marks))", ids.sorted())
    }

    /// The ids of the trades travelling in one shipment (parcel), cancelled ones left out.
    public func tradeIDs(shipmentID: Int64, companyID: Int64) throws -> [Int64] {
        try connection.query(
            "SELECT id FROM trades WHERE company_id = ? AND shipment_id = ? AND state <> 'cancelled' ORDER BY id",
            companyID,
            shipmentID
        ).map { $0.int(0) }
    }
}
