public import ZhangguiCore

/// A parcel found by its waybill number, as packing sees it.
public struct PackingParcel: Sendable, Equatable {
    public let shipmentID: Int64
    public let waybillNumber: String
    public let warehouseID: Int64
    /// The shop of its trades (0 when none is left in it).
    public let shopID: Int64
    public let isShipped: Bool
    /// The states of the trades still in the parcel, and whether any of them has a refund open.
    public let tradeStates: [TradeState]
    public let hasRefund: Bool
}

/// A packed parcel as stored.
public struct PackingRecord: Sendable, Equatable {
    public let shipmentID: Int64
    public let waybillNumber: String
    public let weightGrams: Int64
    /// What was scanned into it, by SKU code.
    public let contents: String
    public let packedAt: Int64
    public let packedBy: Int64?

    public init(
        shipmentID: Int64,
        waybillNumber: String,
        weightGrams: Int64,
        contents: String,
        packedAt: Int64,
        packedBy: Int64?
    ) {
        self.shipmentID = shipmentID
        self.waybillNumber = waybillNumber
        self.weightGrams = weightGrams
        self.contents = contents
        self.packedAt = packedAt
        self.packedBy = packedBy
    }
}

/// Queries about packing: scans, packed parcels and the company's rule that only packed parcels ship.
public struct PackingRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// The parcel with waybill number `waybill` in the company, or nil. On PostgreSQL its row stays locked until
    /// the transaction ends, so two clerks working on one parcel take turns (SQLite writes one at a time anyway).
    public func parcel(waybill: String, companyID: Int64) throws -> PackingParcel? {
        let lock = connection.dialect == .postgres ? " FOR UPDATE" : ""
        let rows = try connection.query(
            "SELECT id, waybill_no, shipped_at, warehouse_id FROM shipments WHERE company_id = ? AND waybill_no = ?"
                + " ORDER BY id"
                + " LIMIT 2\(lock)",
            companyID,
            waybill
        )
        guard rows.count == 1, let row = rows.first else { return nil }
        let trades = try connection.query(
            "SELECT state, refund_in_progress, shop_id FROM trades WHERE shipment_id = ? ORDER BY id",
            row.int(0)
        )
        return PackingParcel(
            shipmentID: row.int(0),
            waybillNumber: row.string(1),
            warehouseID: row.int(3),
            shopID: trades.first?.int(2) ?? 0,
            isShipped: row.optionalInt(2) != nil,
            tradeStates: trades.compactMap { TradeState(rawValue: $0.string(0)) },
            hasRefund: trades.contains { $0.int(1) != 0 }
        )
    }

    /// The units a parcel must hold, by SKU id: what is reserved for its waybilled trades (combos are reserved as
    /// their components).
    public func wanted(shipmentID: Int64) throws -> [Int64: Int64] {
        var result: [Int64: Int64] = [:]
        for row in try connection.query(
            """
            SELECT r.sku_id, SUM(r.quantity) FROM reservations r JOIN trades t ON t.id = r.trade_id
            WHERE t.shipment_id = ? AND t.state = 'waybilled' GROUP BY r.sku_id
            """,
            shipmentID
        ) {
            result[row.int(0)] = row.int(1)
        }
        return result
    }

    /// The units accepted into a parcel so far, by SKU id.
    public func scanned(shipmentID: Int64) throws -> [Int64: Int64] {
        var result: [Int64: Int64] = [:]
        for row in try connection.query(
            "SELECT sku_id, SUM(quantity) FROM packing_scans WHERE shipment_id = ? GROUP BY sku_id",
            shipmentID
        ) {
            result[row.int(0)] = row.int(1)
        }
        return result
    }

    /// Records accepted units of one SKU.
    public func addScan(skuID: Int64, quantity: Int64, shipmentID: Int64, by userID: Int64?, companyID: Int64)
        throws
    {
        try connection.execute(
            """
            INSERT INTO packing_scans (company_id, shipment_id, sku_id, quantity, scanned_at, scanned_by)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            companyID,
            shipmentID,
            skuID,
            quantity,
            Clock.nowSeconds(),
            userID
        )
    }

    /// Forgets the scans of a parcel (the clerk starts over).
    public func clearScans(shipmentID: Int64) throws {
        try connection.execute("DELETE FROM packing_scans WHERE shipment_id = ?", shipmentID)
    }

    /// The SKU a scanned barcode names: a SKU's barcode first, else its code; with the units it stands for (a
    /// combo stands for its components). Nil when no SKU carries it.
    public func units(ofBarcode barcode: String, companyID: Int64) throws -> (skuID: Int64, units: [Int64: Int64])? {
        guard
            let row = try connection.queryOne(
                """
                SELECT id, is_combo FROM skus WHERE company_id = ? AND (barcode = ? OR code = ?)
                ORDER BY CASE WHEN barcode = ? THEN 0 ELSE 1 END, id LIMIT 1
                """,
                companyID,
                barcode,
                barcode,
                barcode
            )
        else { return nil }
        let skuID = row.int(0)
        guard row.int(1) != 0 else { return (skuID, [skuID: 1]) }
        var units: [Int64: Int64] = [:]
        for component in try connection.query(
            "SELECT component_sku_id, quantity FROM combo_components WHERE combo_sku_id = ?",
            skuID
        ) {
            units[component.int(0), default: 0] += component.int(1)
        }
        return (skuID, units)
    }

    /// The code of each SKU in `ids`.
    public func skuCodes(_ ids: some Sequence<Int64>, companyID: Int64) throws -> [Int64: String] {
        var codes: [Int64: String] = [:]
        for id in Set(ids) {
            codes[id] = try connection.queryOne("SELECT code FROM skus WHERE id = ? AND company_id = ?", id, companyID)?
                .string(0)
        }
        return codes
    }

    /// Stores a packed parcel; false when it was packed already (by another clerk, say).
    public func insert(_ record: PackingRecord, companyID: Int64) throws -> Bool {
        try connection.queryOne(
            """
            INSERT INTO packings (shipment_id, company_id, waybill_no, weight_grams, contents, packed_at, packed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shipment_id) DO NOTHING RETURNING shipment_id
            """,
            record.shipmentID,
            companyID,
            record.waybillNumber,
            record.weightGrams,
            record.contents,
            record.packedAt,
            record.packedBy
        ) != nil
    }

    /// The packing of a shipment, or nil when it was not packed.
    public func packing(shipmentID: Int64) throws -> PackingRecord? {
        try connection.queryOne(
            """
            SELECT shipment_id, waybill_no, weight_grams, contents, packed_at, packed_by FROM packings
            WHERE shipment_id = ?
            """,
            shipmentID
        ).map { row in
            PackingRecord(
                shipmentID: row.int(0),
                waybillNumber: row.string(1),
                weightGrams: row.int(2),
                contents: row.string(3),
                packedAt: row.int(4),
                packedBy: row.optionalInt(5)
            )
        }
    }

    /// The ids of the packed shipments among `shipments`.
    public func packed(companyID: Int64, shipments: ClosedRange<Int64>) throws -> Set<Int64> {
        Set(
            try connection.query(
                "SELECT shipment_id FROM packings WHERE company_id = ? AND shipment_id BETWEEN ? AND ?",
                companyID,
                shipments.lowerBound,
                shipments.upperBound
            ).map { $0.int(0) }
        )
    }

    /// Whether the company ships only packed parcels.
    public func requiresPacking(companyID: Int64) throws -> Bool {
        try connection.queryOne("SELECT requires_packing FROM companies WHERE id = ?", companyID)?.int(0) == 1
    }

    /// Sets whether the company ships only packed parcels.
    public func setRequiresPacking(_ value: Bool, companyID: Int64) throws {
        try connection.execute("UPDATE companies SET requires_packing = ? WHERE id = ?", value ? 1 : 0, companyID)
    }
}
