public import ZhangguiCore

/// What an after-sales request did to our trade.
public enum AfterSaleOutcome: String, Sendable, CaseIterable {
    /// No trade of ours for the order (not synced yet, or never one).
    case noTrade
    /// Stopped the trade before shipping.
    case intercepted
    /// Cancelled the trade before shipping.
    case cancelled
    /// Arrived after shipping: the order is flagged for after-sales.
    case afterShipment
    /// Changed nothing on our side.
    case noAction
}

/// An after-sales request as stored.
public struct StoredAfterSale: Sendable, Hashable {
    public let id: Int64
    public let shopID: Int64
    public let refund: PlatformRefund
    public let outcome: AfterSaleOutcome
    public let needsAttention: Bool
}

/// Queries about after-sales requests (售后单).
public struct AfterSaleRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Keeps `refund` when it is newer by modification time than the stored version.
    public func store(_ refund: PlatformRefund, shopID: Int64, companyID: Int64) throws -> VersionOutcome {
        let now = Clock.nowSeconds()
        let stored = try connection.queryOne(
            "SELECT modified_at_ms FROM after_sales WHERE company_id = ? AND shop_id = ? AND refund_id = ?",
            companyID,
            shopID,
            refund.refundID
        )
        let values: [any SQLBindable] = [
            refund.platformOrderID, refund.lineIDs.joined(separator: ","), refund.kind.rawValue,
            refund.status.rawValue, refund.amount.fen, refund.reason, refund.returnTrackingNumber,
            refund.createdAtMillis, refund.modifiedAtMillis, refund.rawPayload, now,
        ]
        guard let stored else {
            try connection.execute(
                """
                INSERT INTO after_sales (platform_order_id, line_ids, kind, status, amount_fen, reason,
                    return_tracking_no, created_at_ms, modified_at_ms, raw_payload, updated_at, company_id, shop_id,
                    refund_id, outcome, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'noAction', ?)
                """,
                values + [companyID, shopID, refund.refundID, now]
            )
            return .new
        }
        guard refund.modifiedAtMillis > stored.int(0) else { return .stale }
        try connection.execute(
            """
            UPDATE after_sales SET platform_order_id = ?, line_ids = ?, kind = ?, status = ?, amount_fen = ?,
                reason = ?, return_tracking_no = ?, created_at_ms = ?, modified_at_ms = ?, raw_payload = ?,
                updated_at = ?
            WHERE company_id = ? AND shop_id = ? AND refund_id = ?
            """,
            values + [companyID, shopID, refund.refundID]
        )
        return .newer
    }

    /// Records what the request did to our trade.
    public func setOutcome(
        _ outcome: AfterSaleOutcome,
        needsAttention: Bool,
        refundID: String,
        shopID: Int64,
        companyID: Int64
    ) throws {
        try connection.execute(
            """
            UPDATE after_sales SET outcome = ?, needs_attention = ?
            WHERE company_id = ? AND shop_id = ? AND refund_id = ?
            """,
            outcome.rawValue,
            needsAttention,
            companyID,
            shopID,
            refundID
        )
    }

    /// The requests of a shop's order, oldest first.
    public func forOrder(platformOrderID: String, shopID: Int64, companyID: Int64, currency: Currency) throws
        -> [StoredAfterSale]
    {
        try list(
            where: "company_id = ? AND shop_id = ? AND platform_order_id = ?",
            [companyID, shopID, platformOrderID],
            currency: currency
        )
    }

    /// The requests that need someone's attention (arrived after shipping and still open), oldest first.
    public func needingAttention(companyID: Int64, currency: Currency) throws -> [StoredAfterSale] {
        try list(where: "company_id = ? AND needs_attention = 1", [companyID], currency: currency)
    }

    private func list(where condition: String, _ arguments: [any SQLBindable], currency: Currency) throws
        -> [StoredAfterSale]
    {
        try connection.query(
            """
            SELECT id, shop_id, refund_id, platform_order_id, line_ids, kind, status, amount_fen, reason,
                   return_tracking_no, created_at_ms, modified_at_ms, raw_payload, outcome, needs_attention
            FROM after_sales WHERE \(condition) ORDER BY id
            """,
            arguments
        ).map { row in
            let refund = PlatformRefund(
                refundID: row.string(2),
                platformOrderID: row.string(3),
                lineIDs: row.string(4).split(separator: ",").map(String.init),
                kind: AfterSaleKind(rawValue: row.string(5)) ?? .refundOnly,
                status: AfterSaleStatus(rawValue: row.string(6)) ?? .requested,
                amount: Money(fen: row.int(7), currency: currency),
                reason: row.string(8),
                createdAtMillis: row.int(10),
                modifiedAtMillis: row.int(11),
                returnTrackingNumber: row.string(9),
                rawPayload: row.string(12)
            )
            return StoredAfterSale(
                id: row.int(0),
                shopID: row.int(1),
                refund: refund,
                outcome: AfterSaleOutcome(rawValue: row.string(13)) ?? .noAction,
                needsAttention: row.bool(14)
            )
        }
    }
}
