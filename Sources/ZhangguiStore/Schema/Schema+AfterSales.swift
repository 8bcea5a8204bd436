/// Migration 13: tracking (物流跟踪) and after-sales cases (售后单).
///
/// - `tracking_events`: what couriers said about our parcels, each event once (the unique key is the event itself).
/// - `shipments.tracking_status` / `tracking_at` / `delivered_at`: each parcel's latest state and when it was reported;
///   `trades.delivered_at`: when the last of an order's parcels was signed for (签收).
/// - `companies.stale_tracking_days`: days a shipped order may go without tracking news before an alert (default 3).
/// - `shipped_line_costs`: the cost of goods each trade line left with, per warehouse and SKU, written by shipping,
///   so a return comes back at that cost and not at today's moving average.
/// - `after_sale_cases` and `after_sale_case_lines`: the cases customer service works, with what each takes back.
/// - alerts gain the kinds `staleTracking` and `afterSaleIdle`; SQLite cannot change a CHECK in place, so there the
///   alerts table is built again under its name with the same rows and ids, as migration 9 did.
extension Schema {
    static let afterSalesCases = Migration(
        version: 13,
        name: "tracking events and parcel states, shipped line costs, after-sales cases",
        statements: tracking + costs + cases,
        byDialect: [
            .sqlite: sqliteAlertKinds,
            .postgres: [
                "ALTER TABLE alerts DROP CONSTRAINT alerts_kind_check",
                "ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check CHECK (kind IN (\(alertKindsV13)))",
            ],
        ]
    )

    static let trackingStatuses = "'collected', 'inTransit', 'delivering', 'delivered', 'problem'"

    private static let tracking = [
        """
        CREATE TABLE tracking_events (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            shipment_id BIGINT NOT NULL REFERENCES shipments (id),
            courier_code TEXT NOT NULL,
            waybill_no TEXT NOT NULL,
            occurred_at BIGINT NOT NULL,
            status TEXT NOT NULL CHECK (status IN (\(trackingStatuses))),
            courier_action TEXT NOT NULL,
            detail TEXT NOT NULL,
            place TEXT,
            recorded_at BIGINT NOT NULL,
            UNIQUE (company_id, courier_code, waybill_no, occurred_at, status, courier_action, detail)
        )
        """,
        "CREATE INDEX tracking_events_by_shipment ON tracking_events (shipment_id, occurred_at)",
        "ALTER TABLE shipments ADD COLUMN tracking_status TEXT CHECK (tracking_status IN (\(trackingStatuses)))",
        "ALTER TABLE shipments ADD COLUMN tracking_at BIGINT",
        "ALTER TABLE shipments ADD COLUMN delivered_at BIGINT",
        "ALTER TABLE trades ADD COLUMN delivered_at BIGINT",
        "ALTER TABLE companies ADD COLUMN stale_tracking_days INTEGER NOT NULL DEFAULT 3 "
            + "CHECK (stale_tracking_days > 0)",
    ]

    private static let costs = [
        """
        CREATE TABLE shipped_line_costs (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            trade_id BIGINT NOT NULL REFERENCES trades (id),
            line_id BIGINT NOT NULL REFERENCES trade_lines (id),
            warehouse_id BIGINT NOT NULL REFERENCES warehouses (id),
            sku_id BIGINT NOT NULL REFERENCES skus (id),
            quantity BIGINT NOT NULL CHECK (quantity > 0),
            cost_fen BIGINT NOT NULL CHECK (cost_fen >= 0)
        )
        """,
        "CREATE INDEX shipped_line_costs_by_line ON shipped_line_costs (line_id)",
    ]

    private static let caseKinds = "'refundOnly', 'returnAndRefund', 'exchange', 'reship'"
    private static let caseStates =
        "'requested', 'agreed', 'awaitingReturn', 'received', 'refunded', 'reshipped', 'closed', 'refused', 'cancelled'"

    private static let cases = [
        """
        CREATE TABLE after_sale_cases (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            trade_id BIGINT NOT NULL REFERENCES trades (id),
            kind TEXT NOT NULL CHECK (kind IN (\(caseKinds))),
            state TEXT NOT NULL CHECK (state IN (\(caseStates))),
            platform_after_sale_id BIGINT UNIQUE REFERENCES after_sales (id),
            refund_fen BIGINT NOT NULL CHECK (refund_fen >= 0),
            reason TEXT NOT NULL,
            replacement_trade_id BIGINT REFERENCES trades (id),
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX after_sale_cases_by_state ON after_sale_cases (company_id, state)",
        "CREATE INDEX after_sale_cases_by_trade ON after_sale_cases (trade_id)",
        """
        CREATE TABLE after_sale_case_lines (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            case_id BIGINT NOT NULL REFERENCES after_sale_cases (id),
            line_id BIGINT NOT NULL REFERENCES trade_lines (id),
            quantity BIGINT NOT NULL CHECK (quantity > 0),
            condition TEXT CHECK (condition IN ('sellable', 'defective')),
            UNIQUE (case_id, line_id)
        )
        """,
    ]

    private static let alertKindsV13 =
        "'lowStock', 'heldOrder', 'shopAuthorizationExpired', 'staleTracking', 'afterSaleIdle'"

    private static let sqliteAlertKinds = [
        """
        CREATE TABLE alerts_v13 (
            id INTEGER PRIMARY KEY,
            company_id BIGINT NOT NULL REFERENCES companies (id),
            kind TEXT NOT NULL CHECK (kind IN (\(alertKindsV13))),
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
        INSERT INTO alerts_v13 (id, company_id, kind, subject, warehouse_id, sku_id, trade_id, shop_id, quantity,
            threshold, detail, job_run_id, raised_at, cleared_at)
        SELECT id, company_id, kind, subject, warehouse_id, sku_id, trade_id, shop_id, quantity, threshold, detail,
            job_run_id, raised_at, cleared_at
        FROM alerts
        """,
        "DROP TABLE alerts",
        "ALTER TABLE alerts_v13 RENAME TO alerts",
        "CREATE UNIQUE INDEX alerts_one_open ON alerts (company_id, kind, subject) WHERE cleared_at IS NULL",
        "CREATE INDEX alerts_by_company_id ON alerts (company_id, id)",
    ]
}
