/// Migration 7: shops connected to their platforms, what their sync brought in and what goes back.
///
/// Platform times are UTC milliseconds (`_ms`), as the platforms' modification times need; our own bookkeeping
/// times stay UTC seconds like everywhere else.
extension Schema {
    static let channels = Migration(
        version: 7,
        name: "connected shops, platform orders, after-sales, SKU mapping, sync log, uploads, stock, shop alerts",
        statements: connections + platformOrders + afterSales + platformSKUs + syncRuns + uploads + alerts + [
            // A shipped trade whose platform order got a refund or return: after-sales (售后) must look at it.
            "ALTER TABLE trades ADD COLUMN needs_after_sales INTEGER NOT NULL DEFAULT 0"
        ]
    )

    private static let platforms = "'taobao', 'jd', 'pinduoduo', 'doudian', 'kuaishou', 'xiaohongshu'"

    private static let connections = [
        // credentials: ShopCredentials as JSON, sealed with AES-256-GCM bound to company and shop (SecretBox).
        """
        CREATE TABLE shop_connections (
            shop_id BIGINT PRIMARY KEY REFERENCES shops (id),
            company_id BIGINT NOT NULL REFERENCES companies (id),
            platform TEXT NOT NULL CHECK (platform IN (\(platforms))),
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'authorizationExpired', 'paused')),
            credentials TEXT NOT NULL,
            overlap_ms BIGINT NOT NULL CHECK (overlap_ms >= 0),
            safety_lag_ms BIGINT NOT NULL CHECK (safety_lag_ms >= 0),
            first_lookback_ms BIGINT NOT NULL CHECK (first_lookback_ms > 0),
            orders_checkpoint_ms BIGINT,
            refunds_checkpoint_ms BIGINT,
            stock_share_bp BIGINT NOT NULL DEFAULT 10000 CHECK (stock_share_bp BETWEEN 0 AND 10000),
            stock_buffer BIGINT NOT NULL DEFAULT 0 CHECK (stock_buffer >= 0),
            stock_maximum BIGINT CHECK (stock_maximum IS NULL OR stock_maximum >= 0),
            backoff_until_ms BIGINT,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX shop_connections_by_company ON shop_connections (company_id)",
    ]

    private static let platformOrders = [
        // The newest version of each platform order: our reading of it (PlatformOrder as JSON) and the platform's
        // own payload, exactly as received.
        """
        CREATE TABLE platform_orders (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            shop_id BIGINT NOT NULL REFERENCES shops (id),
            platform_order_id TEXT NOT NULL CHECK (platform_order_id <> ''),
            status TEXT NOT NULL,
            modified_at_ms BIGINT NOT NULL,
            reading TEXT NOT NULL,
            raw_payload TEXT NOT NULL,
            received_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            UNIQUE (company_id, shop_id, platform_order_id)
        )
        """
    ]

    private static let afterSales = [
        """
        CREATE TABLE after_sales (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            shop_id BIGINT NOT NULL REFERENCES shops (id),
            refund_id TEXT NOT NULL CHECK (refund_id <> ''),
            platform_order_id TEXT NOT NULL,
            line_ids TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('refundOnly', 'returnAndRefund', 'exchange', 'reship')),
            status TEXT NOT NULL
                CHECK (status IN ('requested', 'awaitingReturn', 'returning', 'succeeded', 'refused', 'closed')),
            amount_fen BIGINT NOT NULL,
            reason TEXT NOT NULL,
            return_tracking_no TEXT NOT NULL,
            created_at_ms BIGINT NOT NULL,
            modified_at_ms BIGINT NOT NULL,
            raw_payload TEXT NOT NULL,
            outcome TEXT NOT NULL
                CHECK (outcome IN ('noTrade', 'intercepted', 'cancelled', 'afterShipment', 'noAction')),
            needs_attention INTEGER NOT NULL DEFAULT 0,
            received_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            UNIQUE (company_id, shop_id, refund_id)
        )
        """,
        "CREATE INDEX after_sales_by_order ON after_sales (company_id, shop_id, platform_order_id)",
    ]

    private static let platformSKUs = [
        // Every listing SKU a shop's orders named, and the SKU or combo of ours it maps to: automatically by
        // 商家编码 or barcode, or by hand (which wins). pushed_quantity is the last stock the platform accepted.
        """
        CREATE TABLE platform_skus (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            shop_id BIGINT NOT NULL REFERENCES shops (id),
            item_id TEXT NOT NULL,
            sku_id TEXT NOT NULL,
            outer_id TEXT NOT NULL,
            title TEXT NOT NULL,
            mapped_sku_id BIGINT REFERENCES skus (id),
            mapped_by TEXT CHECK (mapped_by IN ('outerID', 'barcode', 'hand')),
            pushed_quantity BIGINT CHECK (pushed_quantity IS NULL OR pushed_quantity >= 0),
            pushed_at_ms BIGINT,
            UNIQUE (company_id, shop_id, item_id, sku_id),
            CHECK ((mapped_sku_id IS NULL) = (mapped_by IS NULL))
        )
        """,
        """
        CREATE TABLE stock_pushes (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            shop_id BIGINT NOT NULL REFERENCES shops (id),
            platform_sku_id BIGINT NOT NULL REFERENCES platform_skus (id),
            old_quantity BIGINT,
            new_quantity BIGINT NOT NULL CHECK (new_quantity >= 0),
            outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'failed')),
            error TEXT NOT NULL,
            pushed_at_ms BIGINT NOT NULL
        )
        """,
        "CREATE INDEX stock_pushes_by_shop ON stock_pushes (company_id, shop_id, id)",
    ]

    private static let syncRuns = [
        """
        CREATE TABLE sync_runs (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            shop_id BIGINT NOT NULL REFERENCES shops (id),
            kind TEXT NOT NULL CHECK (kind IN ('orders', 'refunds', 'backfill', 'repull', 'shipments', 'stock')),
            window_start_ms BIGINT,
            window_end_ms BIGINT,
            reached_ms BIGINT,
            pages BIGINT NOT NULL DEFAULT 0,
            new_count BIGINT NOT NULL DEFAULT 0,
            changed_count BIGINT NOT NULL DEFAULT 0,
            unchanged_count BIGINT NOT NULL DEFAULT 0,
            error_count BIGINT NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'done', 'failed',
                'authorizationExpired', 'rateLimited', 'unavailable')),
            started_at_ms BIGINT NOT NULL,
            finished_at_ms BIGINT
        )
        """,
        "CREATE INDEX sync_runs_by_shop ON sync_runs (company_id, shop_id, id)",
    ]

    private static let uploads = [
        // The outbox of tracking numbers to tell the platforms, written in the shipping transaction; one row per
        // shipped trade, so a parcel is never queued twice.
        """
        CREATE TABLE shipment_uploads (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            shop_id BIGINT NOT NULL REFERENCES shops (id),
            trade_id BIGINT NOT NULL REFERENCES trades (id),
            platform_order_id TEXT NOT NULL,
            courier_code TEXT NOT NULL,
            tracking_no TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
            attempts BIGINT NOT NULL DEFAULT 0,
            next_attempt_ms BIGINT NOT NULL DEFAULT 0,
            lease_until_ms BIGINT,
            last_error TEXT NOT NULL DEFAULT '',
            created_at BIGINT NOT NULL,
            sent_at_ms BIGINT,
            UNIQUE (company_id, trade_id)
        )
        """,
        "CREATE INDEX shipment_uploads_pending ON shipment_uploads (company_id, shop_id, id) WHERE status = 'pending'",
    ]

    private static let alerts = [
        // At most one open alert per subject and kind: a second run that meets the same expired grant adds none.
        """
        CREATE TABLE shop_alerts (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            subject TEXT NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            resolved_at BIGINT
        )
        """,
        "CREATE UNIQUE INDEX shop_alerts_one_open ON shop_alerts (company_id, subject, kind) WHERE resolved_at IS NULL",
    ]
}
