public import ZhangguiCore

extension TradeRecords {
    /// Creates the next split part of `parent` (拆单) holding `lines`, with no freight, and returns the new trade's
    /// id and its lines' ids in the order given. The caller shrinks or removes the parent's lines.
    public func splitOff(
        parent: StoredTrade,
        lines: [(line: StoredLine, quantity: Int64, net: Money)],
        companyID: Int64
    )
        throws -> (tradeID: Int64, lineIDs: [Int64])
    {
        let nextSeq =
            try connection.queryOne(
                "SELECT MAX(split_seq) + 1 FROM trades WHERE company_id = ? AND shop_id = ? AND platform_order_id = ?",
                companyID,
                parent.shopID,
                parent.platformOrderID
            )?.int(0) ?? 1
        let now = Clock.nowSeconds()
        let goods = lines.reduce(0) { $0 + $1.net.fen }
        let childID =
            try connection.queryOne(
                """
                INSERT INTO trades (company_id, shop_id, platform_order_id, split_seq, state, ordered_at, paid_at,
                    business_date, receiver_name, receiver_phone, province, city, district, address, division_code,
                    buyer_note, seller_memo, refund_in_progress, is_high_priority, goods_fen, discount_fen,
                    freight_fen, paid_fen, acknowledged_holds, source, created_at, updated_at)
                SELECT company_id, shop_id, platform_order_id, ?, state, ordered_at, paid_at, business_date,
                    receiver_name, receiver_phone, province, city, district, address, division_code, buyer_note,
                    seller_memo, refund_in_progress, is_high_priority, ?, 0, 0, ?, acknowledged_holds, source, ?, ?
                FROM trades WHERE id = ?
                RETURNING id
                """,
                nextSeq,
                goods,
                goods,
                now,
                now,
                parent.id
            )?.int(0) ?? 0
        var lineIDs: [Int64] = []
        for entry in lines {
            let id =
                try connection.queryOne(
                    """
                    INSERT INTO trade_lines (company_id, trade_id, line_no, merchant_code, name, quantity,
                                             unit_price_fen, discount_fen, net_fen, sku_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id
                    """,
                    companyID,
                    childID,
                    entry.line.lineNo,
                    entry.line.merchantCode,
                    entry.line.name,
                    entry.quantity,
                    entry.line.unitPrice.fen,
                    entry.net.fen,
                    entry.line.skuID
                )?.int(0) ?? 0
            lineIDs.append(id)
        }
        return (childID, lineIDs)
    }

    /// Sets a line's quantity and net amount after part of it moved to a split part.
    public func shrinkLine(lineID: Int64, quantity: Int64, net: Money) throws {
        try connection.execute(
            "UPDATE trade_lines SET quantity = ?, net_fen = ? WHERE id = ?",
            quantity,
            net.fen,
            lineID
        )
    }

    /// Removes a line that moved whole to a split part.
    public func removeLine(lineID: Int64) throws {
        try connection.execute("DELETE FROM trade_lines WHERE id = ?", lineID)
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
