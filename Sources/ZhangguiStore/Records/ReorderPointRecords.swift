/// A reorder point with the stock it watches: the available quantity (on hand − reserved − frozen) of the SKU in
/// the warehouse, 0 when the warehouse never held it.
public struct ReorderLevel: Sendable, Hashable {
    public let warehouseID: Int64
    public let warehouseCode: String
    public let skuID: Int64
    public let skuCode: String
    /// 再订货点: alert when available falls to this or below.
    public let reorderPoint: Int64
    public let available: Int64

    /// The subject of this place's low-stock alert.
    public var alertSubject: String { "\(warehouseID)/\(skuID)" }
}

/// Reorder points (再订货点) per SKU and warehouse, set by a clerk and watched by the low-stock job.
public struct ReorderPointRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Sets the reorder point of a SKU in a warehouse, replacing any earlier one.
    public func set(warehouseID: Int64, skuID: Int64, quantity: Int64, companyID: Int64, at now: Int64) throws {
        try connection.execute(
            """
            INSERT INTO reorder_points (company_id, warehouse_id, sku_id, quantity, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (warehouse_id, sku_id) DO UPDATE SET quantity = excluded.quantity,
                updated_at = excluded.updated_at
            """,
            companyID,
            warehouseID,
            skuID,
            quantity,
            now
        )
    }

    /// Every reorder point of the company with the stock it watches, by SKU code then warehouse code.
    public func levels(companyID: Int64) throws -> [ReorderLevel] {
        try connection.query(
            """
            SELECT r.warehouse_id, w.code, r.sku_id, s.code, r.quantity,
                   COALESCE(b.on_hand - b.reserved - b.frozen, 0)
            FROM reorder_points r
            JOIN warehouses w ON w.id = r.warehouse_id
            JOIN skus s ON s.id = r.sku_id
            LEFT JOIN stock_balances b ON b.warehouse_id = r.warehouse_id AND b.sku_id = r.sku_id
            WHERE r.company_id = ? ORDER BY s.code, w.code
            """,
            companyID
        ).map {
            ReorderLevel(
                warehouseID: $0.int(0),
                warehouseCode: $0.string(1),
                skuID: $0.int(2),
                skuCode: $0.string(3),
                reorderPoint: $0.int(4),
                available: $0.int(5)
            )
        }
    }
}
