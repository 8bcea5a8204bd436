/// The tables of Zhanggui. Every business row carries `company_id`; every timestamp is UTC seconds since 1970.
enum Schema {
    static let initial = Migration(
        version: 1,
        name: "companies, catalogue, stock ledger, trades, shipments, vouchers",
        statements: companies + catalogue + stock + trades + shipments + vouchers + imports,
        byDialect: [.sqlite: sqliteGuards, .postgres: postgresGuards]
    )

    private static let companies = [
        """
        CREATE TABLE companies (
            id {{id}},
            name TEXT NOT NULL,
            time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
            currency TEXT NOT NULL DEFAULT 'CNY',
            accounting_standard TEXT NOT NULL DEFAULT 'smallEnterprise'
                CHECK (accounting_standard IN ('smallEnterprise', 'enterprise')),
            vat_rate_bp INTEGER NOT NULL DEFAULT 1300 CHECK (vat_rate_bp >= 0),
            high_priority_threshold_fen BIGINT NOT NULL DEFAULT 100000,
            min_list_price_share_bp INTEGER NOT NULL DEFAULT 3000,
            created_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE shops (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            platform TEXT NOT NULL DEFAULT 'file',
            UNIQUE (company_id, code)
        )
        """,
    ]

    private static let catalogue = [
        """
        CREATE TABLE skus (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            code TEXT NOT NULL CHECK (code <> ''),
            barcode TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            spec TEXT NOT NULL DEFAULT '',
            weight_grams BIGINT NOT NULL DEFAULT 0 CHECK (weight_grams >= 0),
            list_price_fen BIGINT NOT NULL CHECK (list_price_fen >= 0),
            is_combo INTEGER NOT NULL DEFAULT 0,
            created_at BIGINT NOT NULL,
            UNIQUE (company_id, code)
        )
        """,
        // A barcode names one product: scanning it or an order carrying it must not be ambiguous.
        "CREATE UNIQUE INDEX skus_barcode ON skus (company_id, barcode) WHERE barcode <> ''",
        """
        CREATE TABLE combo_components (
            company_id BIGINT NOT NULL REFERENCES companies (id),
            combo_sku_id BIGINT NOT NULL REFERENCES skus (id),
            component_sku_id BIGINT NOT NULL REFERENCES skus (id),
            quantity BIGINT NOT NULL CHECK (quantity > 0),
            PRIMARY KEY (combo_sku_id, component_sku_id)
        )
        """,
        """
        CREATE TABLE warehouses (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            priority INTEGER NOT NULL DEFAULT 100,
            regions TEXT NOT NULL DEFAULT '',
            UNIQUE (company_id, code)
        )
        """,
    ]

    private static let stock = [
        """
        CREATE TABLE stock_balances (
            company_id BIGINT NOT NULL REFERENCES companies (id),
            warehouse_id BIGINT NOT NULL REFERENCES warehouses (id),
            sku_id BIGINT NOT NULL REFERENCES skus (id),
            on_hand BIGINT NOT NULL DEFAULT 0,
            reserved BIGINT NOT NULL DEFAULT 0,
            frozen BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (warehouse_id, sku_id),
            CONSTRAINT stock_never_below_zero CHECK (
                on_hand >= 0 AND reserved >= 0 AND frozen >= 0 AND on_hand - reserved - frozen >= 0
            )
        )
        """,
        """
        CREATE TABLE stock_ledger (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            warehouse_id BIGINT NOT NULL REFERENCES warehouses (id),
            sku_id BIGINT NOT NULL REFERENCES skus (id),
            on_hand_delta BIGINT NOT NULL,
            reserved_delta BIGINT NOT NULL,
            frozen_delta BIGINT NOT NULL,
            value_delta_fen BIGINT NOT NULL,
            reason TEXT NOT NULL,
            document TEXT NOT NULL,
            created_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX stock_ledger_by_sku ON stock_ledger (company_id, sku_id, warehouse_id)",
        """
        CREATE TABLE sku_costs (
            company_id BIGINT NOT NULL REFERENCES companies (id),
            sku_id BIGINT NOT NULL PRIMARY KEY REFERENCES skus (id),
            quantity BIGINT NOT NULL CHECK (quantity >= 0),
            value_fen BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE stock_documents (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            kind TEXT NOT NULL,
            reference TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            UNIQUE (company_id, kind, reference)
        )
        """,
    ]

    private static let tradeStates =
        "'pendingReview', 'onHold', 'approved', 'allocated', 'waybilled', 'shipped', 'cancelled'"

    private static let trades = [
        """
        CREATE TABLE trades (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            shop_id BIGINT NOT NULL REFERENCES shops (id),
            platform_order_id TEXT NOT NULL CHECK (platform_order_id <> ''),
            split_seq INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL CHECK (state IN (\(tradeStates))),
            ordered_at BIGINT NOT NULL,
            paid_at BIGINT,
            business_date TEXT NOT NULL,
            receiver_name TEXT NOT NULL,
            receiver_phone TEXT NOT NULL,
            province TEXT NOT NULL,
            city TEXT NOT NULL,
            district TEXT NOT NULL,
            address TEXT NOT NULL,
            division_code TEXT,
            buyer_note TEXT NOT NULL DEFAULT '',
            seller_memo TEXT NOT NULL DEFAULT '',
            refund_in_progress INTEGER NOT NULL DEFAULT 0,
            is_high_priority INTEGER NOT NULL DEFAULT 0,
            goods_fen BIGINT NOT NULL,
            discount_fen BIGINT NOT NULL,
            freight_fen BIGINT NOT NULL,
            paid_fen BIGINT NOT NULL,
            acknowledged_holds TEXT NOT NULL DEFAULT '',
            shipment_id BIGINT,
            source TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            UNIQUE (company_id, shop_id, platform_order_id, split_seq)
        )
        """,
        "CREATE INDEX trades_by_state ON trades (company_id, state)",
        "CREATE INDEX trades_by_shipment ON trades (shipment_id)",
        """
        CREATE TABLE trade_lines (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            trade_id BIGINT NOT NULL REFERENCES trades (id),
            line_no INTEGER NOT NULL,
            merchant_code TEXT NOT NULL,
            name TEXT NOT NULL,
            quantity BIGINT NOT NULL CHECK (quantity > 0),
            unit_price_fen BIGINT NOT NULL CHECK (unit_price_fen >= 0),
            discount_fen BIGINT NOT NULL,
            net_fen BIGINT NOT NULL,
            sku_id BIGINT REFERENCES skus (id),
            UNIQUE (trade_id, line_no)
        )
        """,
        """
        CREATE TABLE trade_holds (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            trade_id BIGINT NOT NULL REFERENCES trades (id),
            reason TEXT NOT NULL,
            check_name TEXT NOT NULL,
            detail TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            released_at BIGINT
        )
        """,
        "CREATE INDEX trade_holds_by_trade ON trade_holds (trade_id)",
        """
        CREATE TABLE reservations (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            trade_id BIGINT NOT NULL REFERENCES trades (id),
            line_id BIGINT NOT NULL REFERENCES trade_lines (id),
            warehouse_id BIGINT NOT NULL REFERENCES warehouses (id),
            sku_id BIGINT NOT NULL REFERENCES skus (id),
            quantity BIGINT NOT NULL CHECK (quantity > 0)
        )
        """,
        "CREATE INDEX reservations_by_trade ON reservations (trade_id)",
    ]

    private static let shipments = [
        """
        CREATE TABLE shipments (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            warehouse_id BIGINT NOT NULL REFERENCES warehouses (id),
            merge_key TEXT NOT NULL,
            courier_code TEXT,
            waybill_no TEXT,
            created_at BIGINT NOT NULL,
            waybilled_at BIGINT,
            shipped_at BIGINT,
            UNIQUE (company_id, courier_code, waybill_no)
        )
        """,
        "CREATE INDEX shipments_open_by_key ON shipments (company_id, merge_key, warehouse_id) WHERE "
            + "waybill_no IS NULL",
        "CREATE INDEX shipments_to_ship ON shipments (company_id) WHERE waybill_no IS NOT NULL AND shipped_at IS NULL",
        """
        CREATE TABLE waybill_ranges (
            company_id BIGINT NOT NULL REFERENCES companies (id),
            courier_code TEXT NOT NULL,
            prefix TEXT NOT NULL,
            next_number BIGINT NOT NULL,
            last_number BIGINT NOT NULL,
            PRIMARY KEY (company_id, courier_code),
            CHECK (next_number <= last_number + 1)
        )
        """,
    ]

    private static let vouchers = [
        """
        CREATE TABLE vouchers (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            period TEXT NOT NULL,
            number INTEGER NOT NULL,
            voucher_date TEXT NOT NULL,
            summary TEXT NOT NULL,
            source TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            UNIQUE (company_id, period, number)
        )
        """,
        """
        CREATE TABLE voucher_lines (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            voucher_id BIGINT NOT NULL REFERENCES vouchers (id),
            line_no INTEGER NOT NULL,
            account_code TEXT NOT NULL,
            summary TEXT NOT NULL,
            debit_fen BIGINT NOT NULL,
            credit_fen BIGINT NOT NULL,
            sku_code TEXT,
            CHECK ((debit_fen = 0) <> (credit_fen = 0))
        )
        """,
        "CREATE INDEX voucher_lines_by_voucher ON voucher_lines (voucher_id)",
        """
        CREATE TABLE voucher_sequences (
            company_id BIGINT NOT NULL REFERENCES companies (id),
            period TEXT NOT NULL,
            last_number INTEGER NOT NULL,
            PRIMARY KEY (company_id, period)
        )
        """,
    ]

    private static let imports = [
        """
        CREATE TABLE import_runs (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            kind TEXT NOT NULL,
            file_name TEXT NOT NULL,
            rows_read BIGINT NOT NULL,
            rows_imported BIGINT NOT NULL,
            rows_skipped BIGINT NOT NULL,
            rows_failed BIGINT NOT NULL,
            created_at BIGINT NOT NULL
        )
        """
    ]

    /// Tables whose rows may be added but never changed or removed.
    private static let appendOnlyTables = ["stock_ledger", "vouchers", "voucher_lines"]

    /// The triggers that keep the append-only tables so, per dialect, for `zhanggui check`: each name with the
    /// statement that created it where the engine keeps that text (SQLite), so a guard replaced by a harmless one
    /// of the same name is found too.
    static func guards(_ dialect: SQLDialect) -> [(name: String, definition: String?)] {
        switch dialect {
        case .sqlite:
            zip(appendOnlyTables.flatMap { ["\($0)_no_update", "\($0)_no_delete"] }, sqliteGuards).map { ($0, $1) }
        case .postgres: appendOnlyTables.map { ("\($0)_append_only", nil) }
        }
    }

    private static let sqliteGuards: [String] = appendOnlyTables.flatMap { table in
        ["UPDATE", "DELETE"].map { operation in
            """
            CREATE TRIGGER \(table)_no_\(operation.lowercased()) BEFORE \(operation) ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END
            """
        }
    }

    private static let postgresGuards: [String] =
        [
            """
            CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001'; END $$
            """
        ]
        + appendOnlyTables.map { table in
            "CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table) "
                + "FOR EACH ROW EXECUTE FUNCTION refuse_change()"
        }
}
