/// Migration 12: courier accounts, the rules that choose them, and the waybill requests sent to them.
///
/// - `courier_accounts`: one row per account a company ships with — its service (`offline` for a number range,
///   `sf` 丰桥, `zto` ZOP, `cainiao` 菜鸟, `pdd` 拼多多 and `doudian` 抖店 for any
///   subscribed carrier), the carrier code stored on shipments, the credentials sealed with AES-256-GCM
///   (SecretBox, bound to company and account code), and at most one company default.
/// - `courier_rules`: the company's rules (a ``CourierRule`` as JSON) by priority, unique within the company.
/// - `shop_courier_defaults`: the account a shop's parcels take when no rule holds.
/// - `waybill_requests`: each request for a number, written before the courier is called, so a crash between the
///   call and the store sends the same request key again (the courier answers with the first number). At most one
///   request per shipment is not cancelled.
extension Schema {
    static let couriers = Migration(
        version: 12,
        name: "couriers: accounts, rules, shop defaults, waybill requests",
        statements: [
            """
            CREATE TABLE courier_accounts (
                id {{id}},
                company_id BIGINT NOT NULL REFERENCES companies (id),
                code TEXT NOT NULL CHECK (code <> ''),
                service TEXT NOT NULL CHECK (service IN ('offline', 'sf', 'zto', 'cainiao', 'pdd', 'doudian')),
                carrier_code TEXT NOT NULL CHECK (carrier_code <> ''),
                credentials TEXT NOT NULL,
                is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
                created_at BIGINT NOT NULL,
                UNIQUE (company_id, code)
            )
            """,
            "CREATE UNIQUE INDEX courier_accounts_one_default ON courier_accounts (company_id) WHERE is_default = 1",
            """
            CREATE TABLE courier_rules (
                company_id BIGINT NOT NULL REFERENCES companies (id),
                priority INTEGER NOT NULL,
                account_code TEXT NOT NULL,
                rule TEXT NOT NULL,
                PRIMARY KEY (company_id, priority)
            )
            """,
            """
            CREATE TABLE shop_courier_defaults (
                shop_id BIGINT PRIMARY KEY REFERENCES shops (id),
                company_id BIGINT NOT NULL REFERENCES companies (id),
                account_code TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE waybill_requests (
                shipment_id BIGINT NOT NULL REFERENCES shipments (id),
                attempt INTEGER NOT NULL CHECK (attempt >= 0),
                company_id BIGINT NOT NULL REFERENCES companies (id),
                account_code TEXT NOT NULL,
                request_key TEXT NOT NULL,
                reason TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'issued', 'cancelling', 'cancelled')),
                waybill_no TEXT,
                error TEXT,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (shipment_id, attempt)
            )
            """,
            "CREATE UNIQUE INDEX waybill_requests_one_open ON waybill_requests (shipment_id) WHERE state <> 'cancelled'",
            "CREATE INDEX waybill_requests_pending ON waybill_requests (company_id) WHERE state = 'pending'",
        ]
    )
}
