import ZhangguiCore

extension FulfilmentRecords {
    /// The shipment with `id` in the company, or nil.
    public func shipment(id: Int64, companyID: Int64) throws -> ShipmentRecord? {
        try connection.queryOne(
            """
            SELECT s.id, s.warehouse_id, s.courier_code, s.waybill_no,
                   COALESCE((SELECT MIN(t.shop_id) FROM trades t WHERE t.shipment_id = s.id), 0)
            FROM shipments s WHERE s.id = ? AND s.company_id = ?
            """,
            id,
            companyID
        ).map { row in
            ShipmentRecord(
                id: row.int(0),
                warehouseID: row.int(1),
                shopID: row.int(4),
                courierCode: row.optionalString(2),
                waybillNumber: row.optionalString(3)
            )
        }
    }

    /// The merge key a shipment was opened with.
    public func mergeKey(ofShipment id: Int64) throws -> String? {
        try connection.queryOne("SELECT merge_key FROM shipments WHERE id = ?", id)?.string(0)
    }

    /// The ids of the trades in a shipment, lowest first.
    public func tradeIDs(inShipment id: Int64) throws -> [Int64] {
        try connection.query("SELECT id FROM trades WHERE shipment_id = ? ORDER BY id", id).map { $0.int(0) }
    }

    /// Moves an allocated trade into another shipment. The shipment it leaves is removed when it is left empty
    /// without a waybill.
    /// - Throws: ``TradeTransitionError`` when the trade is no longer allocated.
    public func move(allocatedTradeID tradeID: Int64, toShipment shipmentID: Int64) throws {
        let previous = try connection.queryOne("SELECT shipment_id FROM trades WHERE id = ?", tradeID)?.optionalInt(0)
        let changed = try connection.execute(
            "UPDATE trades SET shipment_id = ?, updated_at = ? WHERE id = ? AND state = 'allocated'",
            shipmentID,
            Clock.nowSeconds(),
            tradeID
        )
        guard changed == 1 else { throw TradeTransitionError(action: .allocate, state: .allocated) }
        guard let previous, previous != shipmentID else { return }
        try connection.execute(
            """
            DELETE FROM shipments WHERE id = ? AND waybill_no IS NULL
            AND NOT EXISTS (SELECT 1 FROM trades WHERE shipment_id = ?)
            """,
            previous,
            previous
        )
    }

    /// Hands a reservation, whole, to another trade line (the units it backs moved there).
    public func transfer(reservationID: Int64, toTrade tradeID: Int64, line lineID: Int64) throws {
        try connection.execute(
            "UPDATE reservations SET trade_id = ?, line_id = ? WHERE id = ?",
            tradeID,
            lineID,
            reservationID
        )
    }

    /// Sets the units a reservation backs, after some of them moved to another line.
    public func reduce(reservationID: Int64, to quantity: Int64) throws {
        try connection.execute("UPDATE reservations SET quantity = ? WHERE id = ?", quantity, reservationID)
    }
}
