public import ZhangguiCore

extension LabelRecords {
    /// The sender printed on labels from a warehouse, or nil when none is set.
    public func sender(warehouseID: Int64) throws -> Sender? {
        try connection.queryOne(
            "SELECT name, phone, province, city, district, address FROM warehouse_senders WHERE warehouse_id = ?",
            warehouseID
        ).map { row in
            Sender(
                name: row.string(0),
                phone: row.string(1),
                province: row.string(2),
                city: row.string(3),
                district: row.string(4),
                address: row.string(5)
            )
        }
    }

    /// Sets (or replaces) the sender of a warehouse's labels.
    public func setSender(_ sender: Sender, warehouseID: Int64, companyID: Int64) throws {
        try connection.execute(
            """
            INSERT INTO warehouse_senders (warehouse_id, company_id, name, phone, province, city, district, address)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (warehouse_id) DO UPDATE SET name = excluded.name, phone = excluded.phone,
                province = excluded.province, city = excluded.city, district = excluded.district,
                address = excluded.address
            """,
            [
                warehouseID, companyID, sender.name, sender.phone, sender.province, sender.city, sender.district,
                sender.address,
            ]
        )
    }

    /// Sets (or replaces) where a SKU lies in a warehouse.
    public func setLocation(_ location: BinLocation, skuID: Int64, warehouseID: Int64, companyID: Int64) throws {
        try connection.execute(
            """
            INSERT INTO bin_locations (company_id, warehouse_id, sku_id, location) VALUES (?, ?, ?, ?)
            ON CONFLICT (warehouse_id, sku_id) DO UPDATE SET location = excluded.location
            """,
            companyID,
            warehouseID,
            skuID,
            location.code
        )
    }

    /// Records the 大头笔 / 三段码 and 集包地 a courier returned with a shipment's waybill.
    public func setRouting(sortCode: String?, bagCentre: String?, shipmentID: Int64) throws {
        try connection.execute(
            "UPDATE shipments SET sort_code = ?, bag_centre = ? WHERE id = ?",
            sortCode,
            bagCentre,
            shipmentID
        )
    }

    /// Starts the company's next print batch and returns its id and number (1, 2, …).
    public func createBatch(companyID: Int64, userID: Int64?, at seconds: Int64) throws -> (id: Int64, number: Int64) {
        let number =
            (try connection.queryOne(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM print_batches WHERE company_id = ?",
                companyID
            )?.int(0)) ?? 1
        let id =
            try connection.queryOne(
                "INSERT INTO print_batches (company_id, number, created_at, created_by) VALUES (?, ?, ?, ?) "
                    + "RETURNING id",
                companyID,
                number,
                seconds,
                userID
            )?.int(0) ?? 0
        return (id, number)
    }

    /// Records a print of each label in batch `batchID`.
    /// - Throws: ``DatabaseError`` with kind `.uniqueViolation` when a first print of one of them is already recorded.
    public func recordPrints(
        _ prints: [LabelPrintRecord],
        batchID: Int64,
        isReprint: Bool,
        userID: Int64?,
        at seconds: Int64,
        companyID: Int64
    ) throws {
        for print in prints {
            try connection.execute(
                """
                INSERT INTO label_prints (company_id, batch_id, shipment_id, waybill_no, is_reprint, printed_at,
                    printed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [companyID, batchID, print.shipmentID, print.waybillNumber, isReprint, seconds, userID]
            )
        }
    }

    /// How many times each of these shipments' labels was printed, first print included.
    public func printCounts(shipmentIDs: [Int64]) throws -> [Int64: Int64] {
        var counts: [Int64: Int64] = [:]
        for chunk in shipmentIDs.chunked(500) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            try connection.forEach(
                "SELECT shipment_id, COUNT(*) FROM label_prints WHERE shipment_id IN (\(marks)) GROUP BY shipment_id",
                chunk
            ) { counts[$0.int(0)] = $0.int(1) }
        }
        return counts
    }
}
