/// The reads of the JSON API that the command-line tool does not need: pages of orders by id, the product list,
/// and the shop or id checks that keep one company's ids from answering in another's.
public struct APIQueries {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Which orders a page holds.
    public struct OrderFilter: Sendable {
        public var state: String?
        /// A shop code; nil for every shop.
        public var shopCode: String?
        /// The shops the reader may see; nil for every one.
        public var shopIDs: Set<Int64>?
        /// Only ids after this one (ascending) or before it (descending).
        public var cursor: Int64?
        public var isDescending: Bool
        public var limit: Int

        public init(
            state: String? = nil,
            shopCode: String? = nil,
            shopIDs: Set<Int64>? = nil,
            cursor: Int64? = nil,
            isDescending: Bool = false,
            limit: Int = 50
        ) {
            self.state = state
            self.shopCode = shopCode
            self.shopIDs = shopIDs
            self.cursor = cursor
            self.isDescending = isDescending
            self.limit = limit
        }
    }

    /// One page of the company's trades by id, with shop code, waybill and open holds.
    public func orders(companyID: Int64, filter: OrderFilter) throws -> [(
        row: ReportQueries.OrderListRow, shop: String
    )] {
        let shops = filter.shopIDs.map { $0.sorted().map(String.init).joined(separator: ",") }
        let cursorTest = filter.isDescending ? "t.id < ?" : "t.id > ?"
        let cursor = filter.cursor ?? (filter.isDescending ? Int64.max : 0)
        let holds = connection.dialect.joinedTexts(
            "h.reason || '(' || h.check_name || '): ' || h.detail",
            separator: "; ",
            orderedBy: "h.id"
        )
        return try connection.query(
            """
            SELECT t.id, t.platform_order_id, t.split_seq, t.state, t.paid_fen, t.is_high_priority, s.waybill_no,
                   (SELECT \(holds) FROM trade_holds h WHERE h.trade_id = t.id AND h.released_at IS NULL), p.code
            FROM trades t JOIN shops p ON p.id = t.shop_id LEFT JOIN shipments s ON s.id = t.shipment_id
            WHERE t.company_id = ? AND (? = '' OR t.state = ?) AND (? = '' OR p.code = ?) AND \(cursorTest)
              AND (? = 1 OR (',' || ? || ',') LIKE ('%,' || t.shop_id || ',%'))
            ORDER BY t.id \(filter.isDescending ? "DESC" : "ASC") LIMIT ?
            """,
            companyID,
            filter.state ?? "",
            filter.state ?? "",
            filter.shopCode ?? "",
            filter.shopCode ?? "",
            cursor,
            shops == nil ? 1 : 0,
            shops ?? "",
            filter.limit
        ).map {
            let row = ReportQueries.OrderListRow(
                tradeID: $0.int(0),
                platformOrderID: $0.string(1),
                splitSeq: $0.int(2),
                state: $0.string(3),
                paidFen: $0.int(4),
                isHighPriority: $0.int(5) != 0,
                waybill: $0.optionalString(6),
                holds: $0.optionalString(7) ?? ""
            )
            return (row, $0.string(8))
        }
    }

    /// The shop of trade `tradeID` in the company, nil when the company has no such trade.
    public func shopOfTrade(_ tradeID: Int64, companyID: Int64) throws -> Int64? {
        try connection.queryOne("SELECT shop_id FROM trades WHERE id = ? AND company_id = ?", tradeID, companyID)?
            .int(0)
    }

    /// The state of trade `tradeID` in the company, nil when the company has no such trade.
    public func stateOfTrade(_ tradeID: Int64, companyID: Int64) throws -> String? {
        try connection.queryOne("SELECT state FROM trades WHERE id = ? AND company_id = ?", tradeID, companyID)?
            .string(0)
    }

    /// One product as listed.
    public struct Product: Sendable, Hashable {
        public let id: Int64
        public let code: String
        public let barcode: String
        public let name: String
        public let spec: String
        public let weightGrams: Int64
        public let listPriceFen: Int64
        public let isCombo: Bool
    }

    /// The company's products by id after `cursor`, up to `limit`; with `warehouseIDs`, only those stocked there
    /// (see ``stockedCondition(_:)``).
    public func products(companyID: Int64, after cursor: Int64, limit: Int, warehouseIDs: Set<Int64>? = nil) throws
        -> [Product]
    {
        let (stocked, arguments) = Self.stockedCondition(warehouseIDs)
        return try connection.query(
            """
            SELECT id, code, barcode, name, spec, weight_grams, list_price_fen, is_combo FROM skus
            WHERE company_id = ? AND id > ?\(stocked) ORDER BY id LIMIT ?
            """,
            [companyID, cursor] + arguments + [limit]
        ).map(Self.product)
    }

    /// Product `id` of the company, nil when the company has none with that id, or, with `warehouseIDs`, when it is
    /// not stocked there.
    public func product(id: Int64, companyID: Int64, warehouseIDs: Set<Int64>? = nil) throws -> Product? {
        let (stocked, arguments) = Self.stockedCondition(warehouseIDs)
        return try connection.query(
            """
            SELECT id, code, barcode, name, spec, weight_grams, list_price_fen, is_combo FROM skus
            WHERE company_id = ? AND id = ?\(stocked)
            """,
            [companyID, id] + arguments
        ).first.map(Self.product)
    }

    /// The id of the product with `code`, nil when the company has none, or, with `warehouseIDs`, when it is not
    /// stocked there.
    public func productID(code: String, companyID: Int64, warehouseIDs: Set<Int64>? = nil) throws -> Int64? {
        let (stocked, arguments) = Self.stockedCondition(warehouseIDs)
        return try connection.query(
            "SELECT id FROM skus WHERE company_id = ? AND code = ?\(stocked)",
            [companyID, code] + arguments
        ).first?.int(0)
    }

    /// `AND …` keeping the SKUs (`skus` rows) stocked in one of `warehouseIDs`: those with a balance there, and
    /// combos with a component that has one. Nothing for nil (every warehouse).
    static func stockedCondition(_ warehouseIDs: Set<Int64>?) -> (String, [any SQLBindable]) {
        guard let warehouseIDs else { return ("", []) }
        guard !warehouseIDs.isEmpty else { return (" AND 1 = 0", []) }
        let list = Array(repeating: "?", count: warehouseIDs.count).joined(separator: ", ")
        let condition = """
             AND EXISTS (SELECT 1 FROM stock_balances b WHERE b.company_id = skus.company_id
                AND b.warehouse_id IN (\(list)) AND (b.sku_id = skus.id OR b.sku_id IN (
                    SELECT c.component_sku_id FROM combo_components c WHERE c.combo_sku_id = skus.id)))
            """
        return (condition, warehouseIDs.sorted().map { $0 as any SQLBindable })
    }

    private static func product(_ row: Row) -> Product {
        Product(
            id: row.int(0),
            code: row.string(1),
            barcode: row.string(2),
            name: row.string(3),
            spec: row.string(4),
            weightGrams: row.int(5),
            listPriceFen: row.int(6),
            isCombo: row.int(7) != 0
        )
    }
}
