public import ZhangguiCore

/// A tracking number waiting to be told to a platform.
public struct ShipmentUpload: Sendable, Hashable {
    public let id: Int64
    public let shopID: Int64
    public let tradeID: Int64
    public let platformOrderID: String
    public let courierCode: String
    public let trackingNumber: String
    public let attempts: Int64
}

/// The outbox of shipment confirmations (发货回传).
public struct ShipmentUploadRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Queues a confirmation for every waybilled trade of a connected shop whose shipment id falls in `shipments`.
    /// Called by shipping in its own transaction, before the trades are marked shipped; a trade is queued once.
    public func enqueue(companyID: Int64, shipments: ClosedRange<Int64>) throws {
        try connection.execute(
            """
            INSERT INTO shipment_uploads (company_id, shop_id, trade_id, platform_order_id, courier_code, tracking_no,
                                          created_at)
            SELECT t.company_id, t.shop_id, t.id, t.platform_order_id, s.courier_code, s.waybill_no, ?
            FROM trades t JOIN shipments s ON s.id = t.shipment_id JOIN shop_connections c ON c.shop_id = t.shop_id
            WHERE t.company_id = ? AND t.state = 'waybilled' AND t.shipment_id BETWEEN ? AND ?
                AND s.waybill_no IS NOT NULL AND t.source <> 'afterSale'
            ON CONFLICT DO NOTHING
            """,
            Clock.nowSeconds(),
            companyID,
            shipments.lowerBound,
            shipments.upperBound
        )
    }

    /// The pending confirmations of a shop that are due at `nowMillis`, oldest first.
    public func due(shopID: Int64, companyID: Int64, nowMillis: Int64, limit: Int) throws -> [ShipmentUpload] {
        try connection.query(
            """
            SELECT id, shop_id, trade_id, platform_order_id, courier_code, tracking_no, attempts
            FROM shipment_uploads
            WHERE company_id = ? AND shop_id = ? AND status = 'pending' AND next_attempt_ms <= ?
                AND (lease_until_ms IS NULL OR lease_until_ms <= ?)
            ORDER BY id LIMIT ?
            """,
            companyID,
            shopID,
            nowMillis,
            nowMillis,
            limit
        ).map { row in
            ShipmentUpload(
                id: row.int(0),
                shopID: row.int(1),
                tradeID: row.int(2),
                platformOrderID: row.string(3),
                courierCode: row.string(4),
                trackingNumber: row.string(5),
                attempts: row.int(6)
            )
        }
    }

    /// Claims a pending confirmation until `leaseUntilMillis`; false when another worker holds it or it was sent.
    public func claim(_ id: Int64, nowMillis: Int64, leaseUntilMillis: Int64) throws -> Bool {
        try connection.execute(
            """
            UPDATE shipment_uploads SET lease_until_ms = ?
            WHERE id = ? AND status = 'pending' AND (lease_until_ms IS NULL OR lease_until_ms <= ?)
            """,
            leaseUntilMillis,
            id,
            nowMillis
        ) == 1
    }

    /// Marks a confirmation accepted by the platform (or found already shipped there).
    public func markSent(_ id: Int64, atMillis: Int64, note: String = "") throws {
        try connection.execute(
            """
            UPDATE shipment_uploads SET status = 'sent', sent_at_ms = ?, attempts = attempts + 1, lease_until_ms = NULL,
                last_error = ?
            WHERE id = ? AND status = 'pending'
            """,
            atMillis,
            note,
            id
        )
    }

    /// Records a failed attempt; the confirmation is tried again from `nextAttemptMillis`.
    public func markFailed(_ id: Int64, error: String, nextAttemptMillis: Int64) throws {
        try connection.execute(
            """
            UPDATE shipment_uploads SET attempts = attempts + 1, next_attempt_ms = ?, lease_until_ms = NULL,
                last_error = ?
            WHERE id = ? AND status = 'pending'
            """,
            nextAttemptMillis,
            error,
            id
        )
    }

    /// How many confirmations of a shop are pending and how many were sent.
    public func counts(shopID: Int64, companyID: Int64) throws -> (pending: Int64, sent: Int64) {
        let row = try connection.queryOne(
            """
            SELECT COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END), 0)
            FROM shipment_uploads WHERE company_id = ? AND shop_id = ?
            """,
            companyID,
            shopID
        )
        return (row?.int(0) ?? 0, row?.int(1) ?? 0)
    }
}
