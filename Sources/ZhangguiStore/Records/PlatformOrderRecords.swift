public import ZhangguiCore

/// What storing a version of a platform record did.
public enum VersionOutcome: String, Sendable, Hashable {
    /// The first version seen.
    case new
    /// Newer than the stored one, which it replaced.
    case newer
    /// Not newer than the stored one (a replay, an overlap, an older version arriving late): nothing changed.
    case stale
}

/// Queries about the newest version of each platform order.
public struct PlatformOrderRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Keeps `order` when it is newer by modification time than the stored version of the same (shop, order id).
    /// - Parameter reading: our reading of the order (JSON) to store beside the platform's raw payload.
    /// - Returns: what happened, and the reading it replaced (nil when new or stale).
    public func store(_ order: PlatformOrder, reading: String, shopID: Int64, companyID: Int64) throws
        -> (outcome: VersionOutcome, previous: String?)
    {
        let now = Clock.nowSeconds()
        guard
            let stored = try connection.queryOne(
                """
                SELECT modified_at_ms, reading FROM platform_orders
                WHERE company_id = ? AND shop_id = ? AND platform_order_id = ?
                """,
                companyID,
                shopID,
                order.platformOrderID
            )
        else {
            try connection.execute(
                """
                INSERT INTO platform_orders (company_id, shop_id, platform_order_id, status, modified_at_ms, reading,
                                             raw_payload, received_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    companyID, shopID, order.platformOrderID, order.status.rawValue, order.modifiedAtMillis, reading,
                    order.rawPayload, now, now,
                ] as [any SQLBindable]
            )
            return (.new, nil)
        }
        guard order.modifiedAtMillis > stored.int(0) else { return (.stale, nil) }
        try connection.execute(
            """
            UPDATE platform_orders SET status = ?, modified_at_ms = ?, reading = ?, raw_payload = ?, updated_at = ?
            WHERE company_id = ? AND shop_id = ? AND platform_order_id = ? AND modified_at_ms < ?
            """,
            [
                order.status.rawValue, order.modifiedAtMillis, reading, order.rawPayload, now, companyID, shopID,
                order.platformOrderID, order.modifiedAtMillis,
            ] as [any SQLBindable]
        )
        return (.newer, stored.string(1))
    }

    /// Our reading of the stored version of an order, or nil.
    public func reading(platformOrderID: String, shopID: Int64, companyID: Int64) throws -> String? {
        try connection.queryOne(
            "SELECT reading FROM platform_orders WHERE company_id = ? AND shop_id = ? AND platform_order_id = ?",
            companyID,
            shopID,
            platformOrderID
        )?.string(0)
    }

    /// The stored version's modification time and raw payload, or nil.
    public func version(platformOrderID: String, shopID: Int64, companyID: Int64) throws
        -> (modifiedAtMillis: Int64, status: String, rawPayload: String)?
    {
        try connection.queryOne(
            """
            SELECT modified_at_ms, status, raw_payload FROM platform_orders
            WHERE company_id = ? AND shop_id = ? AND platform_order_id = ?
            """,
            companyID,
            shopID,
            platformOrderID
        ).map { ($0.int(0), $0.string(1), $0.string(2)) }
    }
}
