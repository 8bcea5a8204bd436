/// What an alert is about.
public enum AlertKind: String, Sendable, CaseIterable {
    /// 库存预警: a SKU's available stock in a warehouse fell to or below its reorder point.
    case lowStock
    /// 挂起超时: an order has been on hold longer than the reminder's hours.
    case heldOrder
    /// 授权过期: a connected shop's platform refused its grant; the shop syncs again once authorised again.
    case shopAuthorizationExpired
    /// 物流停滞: a shipped order has had no tracking news for the company's stale-tracking days.
    case staleTracking
    /// 售后超时: an after-sales case has not been touched for seven days.
    case afterSaleIdle
}

/// One alert as stored, with the codes it names.
public struct AlertRecord: Sendable, Hashable {
    public let id: Int64
    public let kind: AlertKind
    public let warehouseID: Int64?
    public let warehouseCode: String?
    public let skuCode: String?
    public let tradeID: Int64?
    /// The shop the alert is about: the held order's, or the shop whose grant expired.
    public let shopID: Int64?
    public let shopCode: String?
    public let platformOrderID: String?
    /// Low stock: the available quantity when raised. Held order: the whole hours it had been held. Otherwise 0.
    public let quantity: Int64
    /// Low stock: the reorder point. Held order: the reminder's hours. Otherwise 0.
    public let threshold: Int64
    /// What happened, in a line for a person (the expired shop's alert); never personal data or secrets.
    public let detail: String
    public let jobRunID: Int64?
    public let raisedAt: Int64
    /// When the condition ended (stock back above the point, the order off hold); nil while open.
    public let clearedAt: Int64?
}

/// A new alert: its kind, what it is about (`subject`, unique among the kind's open alerts), and its figures.
public struct AlertDraft: Sendable, Hashable {
    public var kind: AlertKind
    public var subject: String
    public var warehouseID: Int64?
    public var skuID: Int64?
    public var tradeID: Int64?
    public var shopID: Int64?
    public var quantity: Int64
    public var threshold: Int64
    public var detail: String

    public init(
        kind: AlertKind,
        subject: String,
        warehouseID: Int64? = nil,
        skuID: Int64? = nil,
        tradeID: Int64? = nil,
        shopID: Int64? = nil,
        quantity: Int64 = 0,
        threshold: Int64 = 0,
        detail: String = ""
    ) {
        self.kind = kind
        self.subject = subject
        self.warehouseID = warehouseID
        self.skuID = skuID
        self.tradeID = tradeID
        self.shopID = shopID
        self.quantity = quantity
        self.threshold = threshold
        self.detail = detail
    }
}

/// The alerts of a company. At most one alert per kind and subject is open (`alerts_one_open`): raising one
/// that is open already changes nothing, so a condition that lasts several ticks is reported once.
public struct AlertRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Raises `draft` unless an alert of its kind and subject is open; true when a new alert was stored.
    @discardableResult
    public func raise(_ draft: AlertDraft, jobRunID: Int64?, companyID: Int64, at now: Int64) throws -> Bool {
        let changed = try connection.execute(
            """
            INSERT INTO alerts (company_id, kind, subject, warehouse_id, sku_id, trade_id, shop_id, quantity,
                threshold, detail, job_run_id, raised_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """,
            [
                companyID, draft.kind.rawValue, draft.subject, draft.warehouseID, draft.skuID, draft.tradeID,
                draft.shopID, draft.quantity, draft.threshold, draft.detail, jobRunID, now,
            ]
        )
        return changed == 1
    }

    /// Clears the open alert of `kind` about `subject`; true when there was one.
    @discardableResult
    public func clear(_ kind: AlertKind, subject: String, companyID: Int64, at now: Int64) throws -> Bool {
        try connection.execute(
            "UPDATE alerts SET cleared_at = ? WHERE company_id = ? AND kind = ? AND subject = ? AND cleared_at IS NULL",
            now,
            companyID,
            kind.rawValue,
            subject
        ) == 1
    }

    /// The subjects of the company's open alerts of `kind`.
    public func openSubjects(_ kind: AlertKind, companyID: Int64) throws -> Set<String> {
        Set(
            try connection.query(
                "SELECT subject FROM alerts WHERE company_id = ? AND kind = ? AND cleared_at IS NULL",
                companyID,
                kind.rawValue
            ).map { $0.string(0) }
        )
    }

    /// The company's alerts, newest first: only open ones unless `includeCleared`, only of `kind` when given.
    public func list(companyID: Int64, kind: AlertKind?, includeCleared: Bool, limit: Int) throws -> [AlertRecord] {
        var filters = ""
        var arguments: [any SQLBindable] = [companyID]
        if !includeCleared { filters += " AND a.cleared_at IS NULL" }
        if let kind {
            filters += " AND a.kind = ?"
            arguments.append(kind.rawValue)
        }
        arguments.append(limit)
        return try connection.query(
            """
            SELECT a.id, a.kind, a.warehouse_id, w.code, s.code, a.trade_id, COALESCE(a.shop_id, t.shop_id),
                   t.platform_order_id, a.quantity, a.threshold, a.job_run_id, a.raised_at, a.cleared_at,
                   sh.code, a.detail
            FROM alerts a
            LEFT JOIN warehouses w ON w.id = a.warehouse_id
            LEFT JOIN skus s ON s.id = a.sku_id
            LEFT JOIN trades t ON t.id = a.trade_id
            LEFT JOIN shops sh ON sh.id = COALESCE(a.shop_id, t.shop_id)
            WHERE a.company_id = ?\(filters) ORDER BY a.id DESC LIMIT ?
            """,
            arguments
        ).map(Self.record)
    }

    private static func record(_ row: Row) -> AlertRecord {
        AlertRecord(
            id: row.int(0),
            kind: AlertKind(rawValue: row.string(1)) ?? .lowStock,
            warehouseID: row.optionalInt(2),
            warehouseCode: row.optionalString(3),
            skuCode: row.optionalString(4),
            tradeID: row.optionalInt(5),
            shopID: row.optionalInt(6),
            shopCode: row.optionalString(13),
            platformOrderID: row.optionalString(7),
            quantity: row.int(8),
            threshold: row.int(9),
            detail: row.string(14),
            jobRunID: row.optionalInt(10),
            raisedAt: row.int(11),
            clearedAt: row.optionalInt(12)
        )
    }
}
