public import ZhangguiCore

/// A shop connected to its platform, as stored. The credentials stay sealed: only the service holding the key
/// opens them.
public struct ShopConnection: Sendable, Hashable {
    public let shopID: Int64
    public let shopCode: String
    public let shopName: String
    public let platform: Platform
    public var status: ShopStatus
    /// ``ShopCredentials`` as JSON, sealed (SecretBox); bound to company and shop.
    public let sealedCredentials: String
    public var plan: SyncPlan
    public var ordersCheckpointMillis: Int64?
    public var refundsCheckpointMillis: Int64?
    public var stockShare: StockShare
    /// No platform call before this time: the platform asked us to wait.
    public var backoffUntilMillis: Int64?
}

/// Which incremental stream a checkpoint belongs to.
public enum SyncStream: String, Sendable, CaseIterable {
    case orders
    case refunds
}

/// Queries about connected shops.
public struct ShopConnectionRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Connects the shop with id `shopID`, or replaces the credentials of a connected one and sets it active.
    public func connect(
        shopID: Int64,
        companyID: Int64,
        platform: Platform,
        name: String,
        sealedCredentials: String,
        plan: SyncPlan
    ) throws {
        let now = Clock.nowSeconds()
        try connection.execute(
            """
            INSERT INTO shop_connections (shop_id, company_id, platform, status, credentials, overlap_ms, safety_lag_ms,
                                          first_lookback_ms, created_at, updated_at)
            VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)
            ON CONFLICT (shop_id) DO UPDATE SET credentials = excluded.credentials, status = 'active',
                backoff_until_ms = NULL, updated_at = excluded.updated_at
            """,
            [
                shopID, companyID, platform.rawValue, sealedCredentials, plan.overlapMillis, plan.safetyLagMillis,
                plan.firstLookbackMillis, now, now,
            ] as [any SQLBindable]
        )
        try connection.execute("UPDATE shops SET platform = ?, name = ? WHERE id = ?", platform.rawValue, name, shopID)
    }

    private static let columns = """
        c.shop_id, s.code, s.name, c.platform, c.status, c.credentials, c.overlap_ms, c.safety_lag_ms,
        c.first_lookback_ms, c.orders_checkpoint_ms, c.refunds_checkpoint_ms, c.stock_share_bp, c.stock_buffer,
        c.stock_maximum, c.backoff_until_ms
        """

    /// Every connected shop of the company, by shop code.
    public func all(companyID: Int64) throws -> [ShopConnection] {
        try connection.query(
            "SELECT \(Self.columns) FROM shop_connections c JOIN shops s ON s.id = c.shop_id "
                + "WHERE c.company_id = ? ORDER BY s.code",
            companyID
        ).map(Self.connection(from:))
    }

    /// The connected shop with `code`, or nil.
    public func find(code: String, companyID: Int64) throws -> ShopConnection? {
        try connection.queryOne(
            "SELECT \(Self.columns) FROM shop_connections c JOIN shops s ON s.id = c.shop_id "
                + "WHERE c.company_id = ? AND s.code = ?",
            companyID,
            code
        ).map(Self.connection(from:))
    }

    /// The connected shop with id `shopID`, or nil.
    public func find(shopID: Int64, companyID: Int64) throws -> ShopConnection? {
        try connection.queryOne(
            "SELECT \(Self.columns) FROM shop_connections c JOIN shops s ON s.id = c.shop_id "
                + "WHERE c.company_id = ? AND c.shop_id = ?",
            companyID,
            shopID
        ).map(Self.connection(from:))
    }

    private static func connection(from row: Row) -> ShopConnection {
        ShopConnection(
            shopID: row.int(0),
            shopCode: row.string(1),
            shopName: row.string(2),
            platform: Platform(rawValue: row.string(3)) ?? .taobao,
            status: ShopStatus(rawValue: row.string(4)) ?? .paused,
            sealedCredentials: row.string(5),
            plan: SyncPlan(overlapMillis: row.int(6), safetyLagMillis: row.int(7), firstLookbackMillis: row.int(8)),
            ordersCheckpointMillis: row.optionalInt(9),
            refundsCheckpointMillis: row.optionalInt(10),
            stockShare: StockShare(shareBasisPoints: row.int(11), buffer: row.int(12), maximum: row.optionalInt(13)),
            backoffUntilMillis: row.optionalInt(14)
        )
    }

    /// Moves a shop from `expected` to `status`; returns false when it was not in `expected` (someone else moved it
    /// first), so a caller raises an alert only once.
    @discardableResult
    public func setStatus(_ status: ShopStatus, from expected: ShopStatus, shopID: Int64, companyID: Int64) throws
        -> Bool
    {
        try connection.execute(
            """
            UPDATE shop_connections SET status = ?, updated_at = ?
            WHERE shop_id = ? AND company_id = ? AND status = ?
            """,
            status.rawValue,
            Clock.nowSeconds(),
            shopID,
            companyID,
            expected.rawValue
        ) == 1
    }

    /// Advances a stream's checkpoint to `millis`; a checkpoint never moves back.
    public func advance(_ stream: SyncStream, to millis: Int64, shopID: Int64, companyID: Int64) throws {
        let column = "\(stream.rawValue)_checkpoint_ms"
        try connection.execute(
            "UPDATE shop_connections SET \(column) = ? WHERE shop_id = ? AND company_id = ? AND "
                + "(\(column) IS NULL OR \(column) < ?)",
            millis,
            shopID,
            companyID,
            millis
        )
    }

    /// Stores new sealed credentials (a refreshed grant).
    public func replaceCredentials(_ sealed: String, shopID: Int64, companyID: Int64) throws {
        try connection.execute(
            "UPDATE shop_connections SET credentials = ?, updated_at = ? WHERE shop_id = ? AND company_id = ?",
            sealed,
            Clock.nowSeconds(),
            shopID,
            companyID
        )
    }

    /// No platform call for this shop before `millis` (nil to lift the wait).
    public func backOff(until millis: Int64?, shopID: Int64, companyID: Int64) throws {
        try connection.execute(
            "UPDATE shop_connections SET backoff_until_ms = ? WHERE shop_id = ? AND company_id = ?",
            millis,
            shopID,
            companyID
        )
    }

    /// Changes how a shop syncs and shares its stock.
    public func updateSettings(plan: SyncPlan, stockShare: StockShare, shopID: Int64, companyID: Int64) throws {
        try connection.execute(
            """
            UPDATE shop_connections SET overlap_ms = ?, safety_lag_ms = ?, first_lookback_ms = ?, stock_share_bp = ?,
                stock_buffer = ?, stock_maximum = ?, updated_at = ?
            WHERE shop_id = ? AND company_id = ?
            """,
            [
                plan.overlapMillis, plan.safetyLagMillis, plan.firstLookbackMillis, stockShare.shareBasisPoints,
                stockShare.buffer, stockShare.maximum, Clock.nowSeconds(), shopID, companyID,
            ] as [any SQLBindable]
        )
    }
}
