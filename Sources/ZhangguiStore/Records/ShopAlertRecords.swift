/// An alert for a person to act on, such as a shop whose grant expired.
public struct ShopAlert: Sendable, Hashable {
    public let id: Int64
    /// What it is about, such as `shop:12`.
    public let subject: String
    public let kind: String
    /// What happened, never personal data or secrets.
    public let detail: String
    public let createdAt: Int64
}

/// Queries about shop alerts. At most one alert per subject and kind is open (a unique index says so).
public struct ShopAlertRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Raises an alert unless the same one is open; returns whether it was raised now.
    @discardableResult
    public func raise(kind: String, subject: String, detail: String, companyID: Int64) throws -> Bool {
        try connection.execute(
            """
            INSERT INTO shop_alerts (company_id, subject, kind, detail, created_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """,
            companyID,
            subject,
            kind,
            detail,
            Clock.nowSeconds()
        ) == 1
    }

    /// Closes the open alert of this kind on `subject`, if any.
    public func resolve(kind: String, subject: String, companyID: Int64) throws {
        try connection.execute(
            """
            UPDATE shop_alerts SET resolved_at = ?
            WHERE company_id = ? AND subject = ? AND kind = ? AND resolved_at IS NULL
            """,
            Clock.nowSeconds(),
            companyID,
            subject,
            kind
        )
    }

    /// The open alerts of the company, oldest first.
    public func open(companyID: Int64) throws -> [ShopAlert] {
        try connection.query(
            """
            SELECT id, subject, kind, detail, created_at FROM shop_alerts
            WHERE company_id = ? AND resolved_at IS NULL ORDER BY id
            """,
            companyID
        ).map {
            ShopAlert(
                id: $0.int(0),
                subject: $0.string(1),
                kind: $0.string(2),
                detail: $0.string(3),
                createdAt: $0.int(4)
            )
        }
    }
}
