/// Migration 14: a shop's own names for our couriers on its platform (快递公司编码), set by hand where the built-in
/// table has none or the platform's list differs; shipment confirmations send these codes.
extension Schema {
    static let courierCodes = Migration(
        version: 14,
        name: "shop courier codes",
        statements: [
            """
            CREATE TABLE shop_courier_codes (
                company_id BIGINT NOT NULL REFERENCES companies (id),
                shop_id BIGINT NOT NULL REFERENCES shops (id),
                courier_code TEXT NOT NULL CHECK (courier_code <> ''),
                platform_code TEXT NOT NULL CHECK (platform_code <> ''),
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (company_id, shop_id, courier_code)
            )
            """
        ]
    )
}
