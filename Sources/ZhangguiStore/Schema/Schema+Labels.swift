/// Migration 8: what printing labels and picking lists needs that was not stored yet.
///
/// - `shipments.sort_code` / `bag_centre`: the 大头笔 / 三段码 and 集包地 a courier returns with a waybill (an
///   offline range returns none; the label then shows the destination city and district).
/// - `warehouse_senders`: the sender printed on labels of parcels leaving each warehouse.
/// - `bin_locations`: where a SKU lies in a warehouse (库位), the order labels and picking lists follow.
/// - `print_batches`, `label_prints`: every time a label was printed, by whom and when; a shipment's first print
///   belongs to one batch (a unique index), later ones are reprints. Prints are append-only.
extension Schema {
    static let labels = Migration(
        version: 8,
        name: "labels: sorting codes, senders, bin locations, print batches",
        statements: [
            "ALTER TABLE shipments ADD COLUMN sort_code TEXT",
            "ALTER TABLE shipments ADD COLUMN bag_centre TEXT",
            """
            CREATE TABLE warehouse_senders (
                warehouse_id BIGINT PRIMARY KEY REFERENCES warehouses (id),
                company_id BIGINT NOT NULL REFERENCES companies (id),
                name TEXT NOT NULL CHECK (name <> ''),
                phone TEXT NOT NULL CHECK (phone <> ''),
                province TEXT NOT NULL,
                city TEXT NOT NULL,
                district TEXT NOT NULL,
                address TEXT NOT NULL CHECK (address <> '')
            )
            """,
            """
            CREATE TABLE bin_locations (
                company_id BIGINT NOT NULL REFERENCES companies (id),
                warehouse_id BIGINT NOT NULL REFERENCES warehouses (id),
                sku_id BIGINT NOT NULL REFERENCES skus (id),
                location TEXT NOT NULL CHECK (location <> ''),
                PRIMARY KEY (warehouse_id, sku_id)
            )
            """,
            """
            CREATE TABLE print_batches (
                id {{id}},
                company_id BIGINT NOT NULL REFERENCES companies (id),
                number BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                created_by BIGINT REFERENCES users (id),
                UNIQUE (company_id, number)
            )
            """,
            """
            CREATE TABLE label_prints (
                id {{id}},
                company_id BIGINT NOT NULL REFERENCES companies (id),
                batch_id BIGINT NOT NULL REFERENCES print_batches (id),
                shipment_id BIGINT NOT NULL REFERENCES shipments (id),
                waybill_no TEXT NOT NULL,
                is_reprint INTEGER NOT NULL,
                printed_at BIGINT NOT NULL,
                printed_by BIGINT REFERENCES users (id)
            )
            """,
            "CREATE UNIQUE INDEX label_prints_first ON label_prints (shipment_id) WHERE is_reprint = 0",
            "CREATE INDEX label_prints_by_batch ON label_prints (batch_id)",
        ],
        byDialect: [
            .sqlite: ["UPDATE", "DELETE"].map { operation in
                """
                CREATE TRIGGER label_prints_no_\(operation.lowercased()) BEFORE \(operation) ON label_prints
                BEGIN SELECT RAISE(ABORT, 'label_prints is append-only'); END
                """
            },
            .postgres: [
                "CREATE TRIGGER label_prints_append_only BEFORE UPDATE OR DELETE ON label_prints "
                    + "FOR EACH ROW EXECUTE FUNCTION refuse_change()"
            ],
        ]
    )
}

extension Migrator {
    /// The names of the triggers that keep `label_prints` append-only on `dialect`, for `zhanggui check`.
    public static func labelGuards(_ dialect: SQLDialect) -> [String] {
        switch dialect {
        case .sqlite: ["label_prints_no_update", "label_prints_no_delete"]
        case .postgres: ["label_prints_append_only"]
        }
    }
}
