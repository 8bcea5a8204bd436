public import ZhangguiCore

extension TradeRecords {
    /// What a new split part holds and carries: its lines with their units and money, its share of the order
    /// discount and of the freight, and the state it starts in.
    public struct SplitPart {
        public var lines: [(line: StoredLine, money: LineMoney)]
        public var discount: Money
        public var freight: Money
        public var state: TradeState

        public init(lines: [(line: StoredLine, money: LineMoney)], discount: Money, freight: Money, state: TradeState) {
            self.lines = lines
            self.discount = discount
            self.freight = freight
            self.state = state
        }
    }

    /// Creates the next split part of `parent` (拆单) and returns the new trade's id and its lines' ids in the order
    /// given. Each line keeps its line number. The caller shrinks or removes the parent's lines.
    public func splitOff(parent: StoredTrade, part: SplitPart, companyID: Int64) throws
        -> (tradeID: Int64, lineIDs: [Int64])
    {
        let nextSeq =
            try connection.queryOne(
                "SELECT MAX(split_seq) + 1 FROM trades WHERE company_id = ? AND shop_id = ? AND platform_order_id = ?",
                companyID,
                parent.shopID,
                parent.platformOrderID
            )?.int(0) ?? 1
        let now = Clock.nowSeconds()
        let goods = part.lines.reduce(0) { $0 + $1.money.net.fen }
        let childID =
            try connection.queryOne(
                """
                INSERT INTO trades (company_id, shop_id, platform_order_id, split_seq, state, ordered_at, paid_at,
                    business_date, receiver_name, receiver_phone, province, city, district, address, division_code,
                    buyer_note, seller_memo, refund_in_progress, is_high_priority, goods_fen, discount_fen,
                    freight_fen, paid_fen, acknowledged_holds, source, created_at, updated_at)
                SELECT company_id, shop_id, platform_order_id, ?, ?, ordered_at, paid_at, business_date,
                    receiver_name, receiver_phone, province, city, district, address, division_code, buyer_note,
                    seller_memo, refund_in_progress, is_high_priority, ?, ?, ?, ?, acknowledged_holds, source, ?, ?
                FROM trades WHERE id = ?
                RETURNING id
                """,
                nextSeq,
                part.state.rawValue,
                goods,
                part.discount.fen,
                part.freight.fen,
                goods + part.freight.fen,
                now,
                now,
                parent.id
            )?.int(0) ?? 0
        var lineIDs: [Int64] = []
        for entry in part.lines {
            let id =
                try connection.queryOne(
                    """
                    INSERT INTO trade_lines (company_id, trade_id, line_no, merchant_code, name, quantity,
                                             unit_price_fen, discount_fen, net_fen, sku_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """,
                    companyID,
                    childID,
                    entry.line.lineNo,
                    entry.line.merchantCode,
                    entry.line.name,
                    entry.money.quantity,
                    entry.money.unitPrice.fen,
                    entry.money.discount.fen,
                    entry.money.net.fen,
                    entry.line.skuID
                )?.int(0) ?? 0
            lineIDs.append(id)
        }
        return (childID, lineIDs)
    }

    /// Sets a line's units, line discount and net amount after part of it moved to a split part.
    public func shrinkLine(lineID: Int64, to money: LineMoney) throws {
        try connection.execute(
            "UPDATE trade_lines SET quantity = ?, discount_fen = ?, net_fen = ? WHERE id = ?",
            money.quantity,
            money.discount.fen,
            money.net.fen,
            lineID
        )
    }

    /// Removes a line that moved whole to a split part.
    public func removeLine(lineID: Int64) throws {
        try connection.execute("DELETE FROM trade_lines WHERE id = ?", lineID)
    }

    /// Sets the order discount and freight a trade keeps after a split, and recomputes its amounts.
    public func keepOrderMoney(tradeID: Int64, discount: Money, freight: Money) throws {
        try connection.execute(
            "UPDATE trades SET discount_fen = ?, freight_fen = ?, updated_at = ? WHERE id = ?",
            discount.fen,
            freight.fen,
            Clock.nowSeconds(),
            tradeID
        )
        try refreshAmounts(tradeID: tradeID)
    }

    /// Recomputes a trade's goods amount from its lines, and what was paid as goods plus freight.
    public func refreshAmounts(tradeID: Int64) throws {
        try connection.execute(
            """
            UPDATE trades SET goods_fen = (SELECT COALESCE(SUM(net_fen), 0) FROM trade_lines WHERE trade_id = ?)
            WHERE id = ?
            """,
            tradeID,
            tradeID
        )
        try connection.execute("UPDATE trades SET paid_fen = goods_fen + freight_fen WHERE id = ?", tradeID)
    }
}
