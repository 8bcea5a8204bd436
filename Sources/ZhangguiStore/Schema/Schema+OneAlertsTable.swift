/// Migration 9: one alerts table. The shops' 授权过期 alerts, kept in `shop_alerts` by migration 7, become rows of
/// the scheduler's `alerts` (migration 5) of kind `shopAuthorizationExpired`, with the shop and a detail line; the
/// open ones are copied over and `shop_alerts` goes.
///
/// `alerts_one_open` keeps its promise for the new kind: one open alert per company, kind and subject (`shop:ID`).
/// SQLite cannot change a CHECK constraint in place, so there the table is built again under its name with the same
/// rows and ids; PostgreSQL changes the constraint and adds the columns.
extension Schema {
    static let oneAlertsTable = Migration(
        version: 9,
        name: "one alerts table: shop authorisation alerts join the scheduler's alerts",
        statements: [],
        byDialect: [
            .sqlite: sqliteRebuild + copyShopAlerts,
            .postgres: postgresChange + copyShopAlerts,
        ]
    )

    private static let alertKinds = "'lowStock', 'heldOrder', 'shopAuthorizationExpired'"

    private static let sqliteRebuild = [
        """
        CREATE TABLE alerts_v9 (
            id INTEGER PRIMARY KEY,
            company_id BIGINT NOT NULL REFERENCES companies (id),
            kind TEXT NOT NULL CHECK (kind IN (\(alertKinds))),
            subject TEXT NOT NULL,
            warehouse_id BIGINT REFERENCES warehouses (id),
            sku_id BIGINT REFERENCES skus (id),
            trade_id BIGINT REFERENCES trades (id),
            shop_id BIGINT REFERENCES shops (id),
            quantity BIGINT NOT NULL,
            threshold BIGINT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            job_run_id BIGINT REFERENCES job_runs (id),
            raised_at BIGINT NOT NULL,
            cleared_at BIGINT
        )
        """,
        """
        INSERT INTO alerts_v9 (id, company_id, kind, subject, warehouse_id, sku_id, trade_id, quantity, threshold,
            job_run_id, raised_at, cleared_at)
        SELECT id, company_id, kind, subject, warehouse_id, sku_id, trade_id, quantity, threshold, job_run_id,
            raised_at, cleared_at
        FROM alerts
        """,
        "DROP TABLE alerts",
        "ALTER TABLE alerts_v9 RENAME TO alerts",
        "CREATE UNIQUE INDEX alerts_one_open ON alerts (company_id, kind, subject) WHERE cleared_at IS NULL",
        "CREATE INDEX alerts_by_company_id ON alerts (company_id, id)",
    ]

    private static let postgresChange = [
        "ALTER TABLE alerts DROP CONSTRAINT alerts_kind_check",
        "ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check CHECK (kind IN (\(alertKinds)))",
        "ALTER TABLE alerts ADD COLUMN shop_id BIGINT REFERENCES shops (id)",
        "ALTER TABLE alerts ADD COLUMN detail TEXT NOT NULL DEFAULT ''",
    ]

    /// The open 授权过期 alerts of `shop_alerts`, whose subject is `shop:ID`, as open alerts of the new kind; the
    /// closed ones are history the shop's sync log keeps too, and go with the table.
    private static let copyShopAlerts = [
        """
        INSERT INTO alerts (company_id, kind, subject, shop_id, quantity, threshold, detail, raised_at)
        SELECT a.company_id, 'shopAuthorizationExpired', a.subject, s.id, 0, 0, a.detail, a.created_at
        FROM shop_alerts a
        JOIN shops s ON s.company_id = a.company_id AND 'shop:' || CAST(s.id AS TEXT) = a.subject
        WHERE a.kind = 'shop.authorization_expired' AND a.resolved_at IS NULL
        ORDER BY a.id
        """,
        "DROP TABLE shop_alerts",
    ]
}
