public import ZhangguiCore

/// Read-only views of orders as a clerk looks at them: the order list with each trade's shop, and the facts about
/// one trade that ``StoredTrade`` does not carry (shop code, times, high-priority tag, waybill, split parts).
public struct OrderQueries {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// One row of the order list.
    public struct ListRow: Sendable, Hashable {
        public let tradeID: Int64
        public let shopCode: String
        public let platformOrderID: String
        public let splitSeq: Int64
        public let state: TradeState
        public let paidFen: Int64
        public let isHighPriority: Bool
        public let waybill: String?
        /// Open holds as `reason(check): detail`, joined by `; `; empty when there are none.
        public let holds: String
    }

    /// Trades of the company, optionally only those in `state`, oldest first (by id), at most `limit`.
    public func list(companyID: Int64, state: TradeState?, limit: Int) throws -> [ListRow] {
        let openHolds = connection.dialect.joinedTexts(
            "h.reason || '(' || h.check_name || '): ' || h.detail",
            separator: "; ",
            orderedBy: "h.id"
        )
        return try connection.query(
            """
            SELECT t.id, p.code, t.platform_order_id, t.split_seq, t.state, t.paid_fen, t.is_high_priority,
                   s.waybill_no,
                   (SELECT \(openHolds) FROM trade_holds h WHERE h.trade_id = t.id AND h.released_at IS NULL)
            FROM trades t JOIN shops p ON p.id = t.shop_id LEFT JOIN shipments s ON s.id = t.shipment_id
            WHERE t.company_id = ? AND (? = '' OR t.state = ?)
            ORDER BY t.id LIMIT ?
            """,
            companyID,
            state?.rawValue ?? "",
            state?.rawValue ?? "",
            limit
        ).map { row in
            ListRow(
                tradeID: row.int(0),
                shopCode: row.string(1),
                platformOrderID: row.string(2),
                splitSeq: row.int(3),
                state: TradeState(rawValue: row.string(4)) ?? .pendingReview,
                paidFen: row.int(5),
                isHighPriority: row.bool(6),
                waybill: row.optionalString(7),
                holds: row.optionalString(8) ?? ""
            )
        }
    }

    /// What a trade's detail shows beyond ``StoredTrade``. Times are UTC seconds since 1970.
    public struct TradeFacts: Sendable, Hashable {
        public let shopCode: String
        public let orderedAt: Int64
        public let paidAt: Int64?
        public let isHighPriority: Bool
        /// The courier and waybill number of the trade's shipment, once it has one.
        public let courierCode: String?
        public let waybill: String?
        public let shippedAt: Int64?
    }

    /// The facts of the trade `tradeID` in the company, or nil when there is no such trade.
    public func facts(tradeID: Int64, companyID: Int64) throws -> TradeFacts? {
        try connection.queryOne(
            """
            SELECT p.code, t.ordered_at, t.paid_at, t.is_high_priority, s.courier_code, s.waybill_no, s.shipped_at
            FROM trades t JOIN shops p ON p.id = t.shop_id LEFT JOIN shipments s ON s.id = t.shipment_id
            WHERE t.id = ? AND t.company_id = ?
            """,
            tradeID,
            companyID
        ).map { row in
            TradeFacts(
                shopCode: row.string(0),
                orderedAt: row.int(1),
                paidAt: row.optionalInt(2),
                isHighPriority: row.bool(3),
                courierCode: row.optionalString(4),
                waybill: row.optionalString(5),
                shippedAt: row.optionalInt(6)
            )
        }
    }

    /// One part of a platform order that was split, across warehouses or by hand.
    public struct Part: Sendable, Hashable {
        public let tradeID: Int64
        public let splitSeq: Int64
        public let state: TradeState
        public let waybill: String?
    }

    /// Every part of the platform order the trade `tradeID` belongs to (same shop and order id), the trade itself
    /// included, by part number; empty when there is no such trade.
    public func parts(ofTradeID tradeID: Int64, companyID: Int64) throws -> [Part] {
        try connection.query(
            """
            SELECT t.id, t.split_seq, t.state, s.waybill_no FROM trades o
            JOIN trades t ON t.company_id = o.company_id AND t.shop_id = o.shop_id
                AND t.platform_order_id = o.platform_order_id
            LEFT JOIN shipments s ON s.id = t.shipment_id
            WHERE o.id = ? AND o.company_id = ? ORDER BY t.split_seq
            """,
            tradeID,
            companyID
        ).map { row in
            Part(
                tradeID: row.int(0),
                splitSeq: row.int(1),
                state: TradeState(rawValue: row.string(2)) ?? .pendingReview,
                waybill: row.optionalString(3)
            )
        }
    }
}
