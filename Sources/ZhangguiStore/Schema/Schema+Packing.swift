/// Migration 11: packing verification (验货打包), the step between the label and the truck.
///
/// - `companies.requires_packing`: when 1, shipping takes only parcels that were packed (default 0, so a company
///   that does not scan at the bench ships as before).
/// - `packing_scans`: the units a clerk scanned into a parcel not packed yet, one row per accepted scan.
/// - `packings`: a packed parcel, one row per shipment (the primary key keeps two clerks from both finishing it),
///   with its weight and what was scanned. Packings are append-only.
extension Schema {
    static let packing = Migration(
        version: 11,
        name: "packing: scans, packed parcels, the company's packing rule",
        statements: [
            "ALTER TABLE companies ADD COLUMN requires_packing INTEGER NOT NULL DEFAULT 0",
            """
            CREATE TABLE packing_scans (
                id {{id}},
                company_id BIGINT NOT NULL REFERENCES companies (id),
                shipment_id BIGINT NOT NULL REFERENCES shipments (id),
                sku_id BIGINT NOT NULL REFERENCES skus (id),
                quantity BIGINT NOT NULL CHECK (quantity > 0),
                scanned_at BIGINT NOT NULL,
                scanned_by BIGINT REFERENCES users (id)
            )
            """,
            "CREATE INDEX packing_scans_by_shipment ON packing_scans (shipment_id)",
            """
            CREATE TABLE packings (
                shipment_id BIGINT PRIMARY KEY REFERENCES shipments (id),
                company_id BIGINT NOT NULL REFERENCES companies (id),
                waybill_no TEXT NOT NULL,
                weight_grams BIGINT NOT NULL CHECK (weight_grams > 0),
                contents TEXT NOT NULL,
                packed_at BIGINT NOT NULL,
                packed_by BIGINT REFERENCES users (id)
            )
            """,
        ],
        byDialect: [
            .sqlite: ["UPDATE", "DELETE"].map { operation in
                """
                CREATE TRIGGER packings_no_\(operation.lowercased()) BEFORE \(operation) ON packings
                BEGIN SELECT RAISE(ABORT, 'packings is append-only'); END
                """
            },
            .postgres: [
                "CREATE TRIGGER packings_append_only BEFORE UPDATE OR DELETE ON packings "
                    + "FOR EACH ROW EXECUTE FUNCTION refuse_change()"
            ],
        ]
    )
}

extension Migrator {
    /// The names of the triggers that keep `packings` append-only on `dialect`, for `zhanggui check`.
    public static func packingGuards(_ dialect: SQLDialect) -> [String] {
        switch dialect {
        case .sqlite: ["packings_no_update", "packings_no_delete"]
        case .postgres: ["packings_append_only"]
        }
    }
}
