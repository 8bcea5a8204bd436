public import ZhangguiCore

/// What platform sync changes on trades it has stored: notes, the refund flag, the after-sales flag, line mapping.
extension TradeRecords {
    /// The trades (split parts included) of a shop's platform order, with their states, by part.
    public func parts(platformOrderID: String, shopID: Int64, companyID: Int64) throws
        -> [(id: Int64, state: TradeState)]
    {
        try connection.query(
            """
            SELECT id, state FROM trades WHERE company_id = ? AND shop_id = ? AND platform_order_id = ?
            ORDER BY split_seq
            """,
            companyID,
            shopID,
            platformOrderID
        ).map { ($0.int(0), TradeState(rawValue: $0.string(1)) ?? .pendingReview) }
    }

    /// Takes the platform's buyer note and seller memo.
    public func updateNotes(buyerNote: String, sellerMemo: String, tradeID: Int64) throws {
        try connection.execute(
            "UPDATE trades SET buyer_note = ?, seller_memo = ?, updated_at = ? WHERE id = ?",
            buyerNote,
            sellerMemo,
            Clock.nowSeconds(),
            tradeID
        )
    }

    /// Records whether a refund is open on the platform.
    public func setRefundInProgress(_ value: Bool, tradeID: Int64) throws {
        try connection.execute(
            "UPDATE trades SET refund_in_progress = ?, updated_at = ? WHERE id = ?",
            value,
            Clock.nowSeconds(),
            tradeID
        )
    }

    /// Marks a shipped trade for after-sales.
    public func flagAfterSales(tradeID: Int64) throws {
        try connection.execute("UPDATE trades SET needs_after_sales = 1 WHERE id = ? AND state = 'shipped'", tradeID)
    }

    /// Whether a trade is marked for after-sales.
    public func needsAfterSales(tradeID: Int64) throws -> Bool {
        try connection.queryOne("SELECT needs_after_sales FROM trades WHERE id = ?", tradeID)?.bool(0) ?? false
    }

    /// The lines of a shop's trades still waiting for review or held, with their trade, for mapping again.
    public func linesAwaitingReview(shopID: Int64, companyID: Int64) throws
        -> [(tradeID: Int64, state: TradeState, platformOrderID: String, lineID: Int64, lineNo: Int64, code: String)]
    {
        try connection.query(
            """
            SELECT t.id, t.state, t.platform_order_id, l.id, l.line_no, l.merchant_code
            FROM trades t JOIN trade_lines l ON l.trade_id = t.id
            WHERE t.company_id = ? AND t.shop_id = ? AND t.state IN ('pendingReview', 'onHold') AND t.split_seq = 0
            ORDER BY t.id, l.line_no
            """,
            companyID,
            shopID
        ).map {
            ($0.int(0), TradeState(rawValue: $0.string(1)) ?? .onHold, $0.string(2), $0.int(3), $0.int(4), $0.string(5))
        }
    }

    /// Points a line at our SKU or combo `code` (id `skuID`).
    public func remapLine(_ lineID: Int64, code: String, skuID: Int64) throws {
        try connection.execute("UPDATE trade_lines SET merchant_code = ?, sku_id = ? WHERE id = ?", code, skuID, lineID)
    }
}
