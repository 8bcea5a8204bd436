public import ZhangguiCore

/// Stock promised to one trade line in one warehouse.
public struct Reservation: Sendable, Hashable {
    public let id: Int64
    public let tradeID: Int64
    public let lineID: Int64
    public let warehouseID: Int64
    public let skuID: Int64
    public let quantity: Int64
}

/// A parcel in the making: trades of one receiver from one warehouse that ship together under one waybill.
public struct ShipmentRecord: Sendable, Hashable {
    public let id: Int64
    public let warehouseID: Int64
    /// The shop of the shipment's trades (only trades of one shop share a shipment).
    public let shopID: Int64
    public let courierCode: String?
    public let waybillNumber: String?
}

/// Queries about reservations, shipments and waybill number ranges.
public struct FulfilmentRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Records stock promised to a line; the stock book posts the matching movement.
    public func reserve(
        tradeID: Int64,
        lineID: Int64,
        warehouseID: Int64,
        skuID: Int64,
        quantity: Int64,
        companyID: Int64
    ) throws {
        try connection.execute(
            """
            INSERT INTO reservations (company_id, trade_id, line_id, warehouse_id, sku_id, quantity)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            companyID,
            tradeID,
            lineID,
            warehouseID,
            skuID,
            quantity
        )
    }

    /// The open reservations of a trade.
    public func reservations(tradeID: Int64) throws -> [Reservation] {
        try connection.query(
            "SELECT id, trade_id, line_id, warehouse_id, sku_id, quantity FROM reservations WHERE "
                + "trade_id = ? ORDER BY id",
            tradeID
        ).map { row in
            Reservation(
                id: row.int(0),
                tradeID: row.int(1),
                lineID: row.int(2),
                warehouseID: row.int(3),
                skuID: row.int(4),
                quantity: row.int(5)
            )
        }
    }

    /// The open reservations of the trades in `state` whose shipment ids fall in `shipments`, by trade id.
    public func reservations(companyID: Int64, state: TradeState, shipments: ClosedRange<Int64>) throws
        -> [Int64: [Reservation]]
    {
        var result: [Int64: [Reservation]] = [:]
        try connection.forEach(
            """
            SELECT id, trade_id, line_id, warehouse_id, sku_id, quantity FROM reservations WHERE trade_id IN (
                SELECT id FROM trades WHERE company_id = ? AND state = ? AND shipment_id BETWEEN ? AND ?)
            ORDER BY id
            """,
            [companyID, state.rawValue, shipments.lowerBound, shipments.upperBound]
        ) { row in
            let reservation = Reservation(
                id: row.int(0),
                tradeID: row.int(1),
                lineID: row.int(2),
                warehouseID: row.int(3),
                skuID: row.int(4),
                quantity: row.int(5)
            )
            result[reservation.tradeID, default: []].append(reservation)
        }
        return result
    }

    /// The warehouse each trade with an id in `trades` has stock reserved in (a trade reserves in one warehouse;
    /// a split trade's parts are separate trades).
    public func reservedWarehouses(companyID: Int64, trades: ClosedRange<Int64>) throws -> [Int64: Int64] {
        var result: [Int64: Int64] = [:]
        try connection.forEach(
            """
            SELECT trade_id, MIN(warehouse_id) FROM reservations
            WHERE company_id = ? AND trade_id BETWEEN ? AND ? GROUP BY trade_id
            """,
            [companyID, trades.lowerBound, trades.upperBound]
        ) { result[$0.int(0)] = $0.int(1) }
        return result
    }

    /// Ships every waybilled trade whose shipment id falls in `shipments`: their shipments get the time they
    /// left, their reservations are used up, and they are marked shipped. The caller has already posted their
    /// stock and vouchers in the same transaction.
    public func markShipped(companyID: Int64, shipments: ClosedRange<Int64>, at seconds: Int64) throws {
        let arguments: [any SQLBindable] = [companyID, shipments.lowerBound, shipments.upperBound]
        try connection.execute(
            """
            UPDATE shipments SET shipped_at = ? WHERE id IN (
                SELECT shipment_id FROM trades WHERE company_id = ? AND state = 'waybilled' AND shipment_id
                    BETWEEN ? AND ?)
            """,
            [seconds] + arguments
        )
        try connection.execute(
            """
            DELETE FROM reservations WHERE trade_id IN (
                SELECT id FROM trades WHERE company_id = ? AND state = 'waybilled' AND shipment_id BETWEEN ? AND ?)
            """,
            arguments
        )
        try connection.execute(
            """
            UPDATE trades SET state = 'shipped', updated_at = ?
            WHERE company_id = ? AND state = 'waybilled' AND shipment_id BETWEEN ? AND ?
            """,
            [seconds] + arguments
        )
    }

    /// Removes a trade's reservations (released or shipped; the stock ledger keeps the history).
    public func clearReservations(tradeID: Int64) throws {
        try connection.execute("DELETE FROM reservations WHERE trade_id = ?", tradeID)
    }

    /// An open shipment (no waybill yet) with this merge key and warehouse, creating one when none exists. A
    /// shipment already holding another part of the same platform order is passed over: an order's parts were
    /// split on purpose and are put back in one parcel only by hand.
    /// - Parameter order: the shop and platform order id of the trade to allocate.
    /// - Returns: the shipment's id, and whether it was created just now.
    public func openShipment(
        mergeKey: String,
        warehouseID: Int64,
        order: (shopID: Int64, platformOrderID: String),
        companyID: Int64
    ) throws -> (id: Int64, isNew: Bool) {
        if let row = try connection.queryOne(
            """
            SELECT id FROM shipments s
            WHERE company_id = ? AND merge_key = ? AND warehouse_id = ? AND waybill_no IS NULL
            AND NOT EXISTS (
                SELECT 1 FROM trades t WHERE t.shipment_id = s.id AND t.shop_id = ? AND t.platform_order_id = ?)
            ORDER BY id LIMIT 1
            """,
            companyID,
            mergeKey,
            warehouseID,
            order.shopID,
            order.platformOrderID
        ) {
            return (row.int(0), false)
        }
        return (try newShipment(mergeKey: mergeKey, warehouseID: warehouseID, companyID: companyID), true)
    }

    /// Creates an empty shipment (a parcel in the making) and returns its id.
    public func newShipment(mergeKey: String, warehouseID: Int64, companyID: Int64) throws -> Int64 {
        try connection.queryOne(
            "INSERT INTO shipments (company_id, warehouse_id, merge_key, created_at) VALUES (?, ?, ?, ?) RETURNING id",
            companyID,
            warehouseID,
            mergeKey,
            Clock.nowSeconds()
        )?.int(0) ?? 0
    }

    /// Puts an approved trade into a shipment and marks it allocated, in one statement.
    /// - Throws: ``TradeTransitionError`` when the trade is no longer approved.
    public func allocate(tradeID: Int64, shipmentID: Int64) throws {
        let changed = try connection.execute(
            "UPDATE trades SET shipment_id = ?, state = 'allocated', updated_at = ? WHERE id = ? AND "
                + "state = 'approved'",
            shipmentID,
            Clock.nowSeconds(),
            tradeID
        )
        guard changed == 1 else { throw TradeTransitionError(action: .allocate, state: .approved) }
    }

    /// Marks every allocated trade of a shipment waybilled; returns how many.
    @discardableResult
    public func markWaybilled(shipmentID: Int64) throws -> Int {
        try connection.execute(
            "UPDATE trades SET state = 'waybilled', updated_at = ? WHERE shipment_id = ? AND state = 'allocated'",
            Clock.nowSeconds(),
            shipmentID
        )
    }

    /// Shipments waiting for a waybill (they hold allocated trades), in id order, up to `limit`.
    public func shipmentsToWaybill(companyID: Int64, after: Int64 = 0, limit: Int) throws -> [ShipmentRecord] {
        try shipments(
            where:
                "waybill_no IS NULL AND EXISTS (SELECT 1 FROM trades t WHERE t.shipment_id = s.id "
                + "AND t.state = 'allocated')",
            companyID: companyID,
            after: after,
            limit: limit
        )
    }

    /// Shipments with a waybill that have not left (they hold waybilled trades), in id order after `after`, up to
    /// `limit`.
    public func shipmentsToShip(companyID: Int64, after: Int64 = 0, limit: Int) throws -> [ShipmentRecord] {
        try shipments(
            where: """
                waybill_no IS NOT NULL AND shipped_at IS NULL
                AND EXISTS (SELECT 1 FROM trades t WHERE t.shipment_id = s.id AND t.state = 'waybilled')
                """,
            companyID: companyID,
            after: after,
            limit: limit
        )
    }

    private func shipments(where condition: String, companyID: Int64, after: Int64, limit: Int) throws
        -> [ShipmentRecord]
    {
        try connection.query(
            """
            SELECT s.id, s.warehouse_id, s.courier_code, s.waybill_no,
                   (SELECT MIN(t.shop_id) FROM trades t WHERE t.shipment_id = s.id)
            FROM shipments s
            WHERE s.company_id = ? AND s.id > ? AND \(condition) ORDER BY s.id LIMIT ?
            """,
            companyID,
            after,
            limit
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

    /// Records the waybill a courier issued for a shipment.
    public func setWaybill(_ number: String, courierCode: String, shipmentID: Int64) throws {
        try connection.execute(
            "UPDATE shipments SET courier_code = ?, waybill_no = ?, waybilled_at = ? WHERE id = ?",
            courierCode,
            number,
            Clock.nowSeconds(),
            shipmentID
        )
    }

    /// Configures (or replaces) a courier's offline range of waybill numbers.
    public func setWaybillRange(courierCode: String, prefix: String, first: Int64, last: Int64, companyID: Int64)
        throws
    {
        try connection.execute(
            """
            INSERT INTO waybill_ranges (company_id, courier_code, prefix, next_number, last_number)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (company_id, courier_code)
            DO UPDATE SET prefix = excluded.prefix, next_number = excluded.next_number, last_number =
                excluded.last_number
            """,
            companyID,
            courierCode,
            prefix,
            first,
            last
        )
    }

    /// Takes the next `count` numbers of a courier's range; nil when the range is missing or too short.
    public func takeWaybillNumbers(count: Int64, courierCode: String, companyID: Int64) throws
        -> (prefix: String, first: Int64)?
    {
        guard
            let row = try connection.queryOne(
                """
                UPDATE waybill_ranges SET next_number = next_number + ?
                WHERE company_id = ? AND courier_code = ? AND next_number + ? <= last_number + 1
                RETURNING prefix, next_number - ?
                """,
                count,
                companyID,
                courierCode,
                count,
                count
            )
        else { return nil }
        return (row.string(0), row.int(1))
    }
}

extension FulfilmentRecords {
    /// Takes a trade out of its shipment. A shipment left empty before it got a waybill is removed, so the trade
    /// (or another) starts a fresh one when allocated again.
    public func detach(tradeID: Int64) throws {
        guard
            let shipmentID = try connection.queryOne("SELECT shipment_id FROM trades WHERE id = ?", tradeID)?
                .optionalInt(0)
        else { return }
        try connection.execute("UPDATE trades SET shipment_id = NULL WHERE id = ?", tradeID)
        try connection.execute(
            """
            DELETE FROM shipments WHERE id = ? AND waybill_no IS NULL
            AND NOT EXISTS (SELECT 1 FROM trades WHERE shipment_id = ?)
            """,
            shipmentID,
            shipmentID
        )
    }
}
