/// One request for a waybill number, written before the courier is called.
public struct WaybillRequestRecord: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        /// Written, the courier not yet heard from (or it failed: ``WaybillRequestRecord/error`` says why).
        case pending
        /// The number is stored on the shipment.
        case issued
        /// The courier is being told to cancel.
        case cancelling
        /// Cancelled: the shipment may take a new request with the next attempt.
        case cancelled
    }

    public let shipmentID: Int64
    public let attempt: Int64
    public let accountCode: String
    /// The id sent to the courier: the same on every try of this attempt.
    public let requestKey: String
    /// Why this account was chosen (the rule, or a default).
    public let reason: String
    public let state: State
    public let waybillNumber: String?
    /// The courier's last refusal or failure, while pending.
    public let error: String?

    public init(
        shipmentID: Int64,
        attempt: Int64,
        accountCode: String,
        requestKey: String,
        reason: String,
        state: State,
        waybillNumber: String? = nil,
        error: String? = nil
    ) {
        self.shipmentID = shipmentID
        self.attempt = attempt
        self.accountCode = accountCode
        self.requestKey = requestKey
        self.reason = reason
        self.state = state
        self.waybillNumber = waybillNumber
        self.error = error
    }
}

/// What the courier rules need to know of a shipment.
public struct ShipmentFacts: Sendable, Hashable {
    public let shipmentID: Int64
    public let shopID: Int64
    public let province: String
    public let city: String
    /// The first trade's receiver division code as review stored it; nil when review found none.
    public let divisionCode: String?
    public let weightGrams: Int64
    public let valueFen: Int64
}

/// Queries about waybill requests and the facts couriers are chosen by.
public struct WaybillRequestRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Writes a new request; the unique index refuses a second open request for the same shipment.
    public func insert(_ request: WaybillRequestRecord, companyID: Int64) throws {
        try connection.execute(
            """
            INSERT INTO waybill_requests (shipment_id, attempt, company_id, account_code, request_key, reason, state,
                waybill_no, error, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            request.shipmentID,
            request.attempt,
            companyID,
            request.accountCode,
            request.requestKey,
            request.reason,
            request.state.rawValue,
            request.waybillNumber,
            request.error,
            Clock.nowSeconds()
        )
    }

    /// Moves a request to `state`, with its number or error; returns whether it was in `from`.
    @discardableResult
    public func update(
        shipmentID: Int64,
        attempt: Int64,
        from: WaybillRequestRecord.State,
        to state: WaybillRequestRecord.State,
        waybillNumber: String? = nil,
        error: String? = nil
    ) throws -> Bool {
        try connection.execute(
            """
            UPDATE waybill_requests SET state = ?, waybill_no = COALESCE(?, waybill_no), error = ?, updated_at = ?
            WHERE shipment_id = ? AND attempt = ? AND state = ?
            """,
            state.rawValue,
            waybillNumber,
            error,
            Clock.nowSeconds(),
            shipmentID,
            attempt,
            from.rawValue
        ) == 1
    }

    /// The shipment's request that is not cancelled, if any.
    public func open(shipmentID: Int64, companyID: Int64) throws -> WaybillRequestRecord? {
        try requests(where: "company_id = ? AND shipment_id = ? AND state <> 'cancelled'", [companyID, shipmentID])
            .first
    }

    /// Pending requests of the company whose shipment still has no number and still holds allocated trades (a
    /// parcel emptied by a split or cancellation since its claim is not numbered), in shipment order.
    public func pending(companyID: Int64) throws -> [WaybillRequestRecord] {
        try requests(
            where: """
                company_id = ? AND state = 'pending'
                AND EXISTS (SELECT 1 FROM shipments s WHERE s.id = shipment_id AND s.waybill_no IS NULL)
                AND EXISTS (SELECT 1 FROM trades t WHERE t.shipment_id = waybill_requests.shipment_id
                    AND t.state = 'allocated')
                """,
            [companyID]
        )
    }

    /// The attempt number the shipment's next request takes: one more than its last, 0 for the first.
    public func nextAttempt(shipmentID: Int64) throws -> Int64 {
        try connection.queryOne(
            "SELECT COALESCE(MAX(attempt) + 1, 0) FROM waybill_requests WHERE shipment_id = ?",
            shipmentID
        )?.int(0) ?? 0
    }

    /// Receiver region (of the shipment's first trade), shop, weight (lines × SKU weight) and paid value.
    public func facts(shipmentIDs: [Int64], companyID: Int64) throws -> [Int64: ShipmentFacts] {
        var facts: [Int64: ShipmentFacts] = [:]
        for id in shipmentIDs {
            let row = try connection.queryOne(
                """
                SELECT MIN(t.shop_id),
                    (SELECT province FROM trades f WHERE f.shipment_id = ? ORDER BY f.id LIMIT 1),
                    (SELECT city FROM trades f WHERE f.shipment_id = ? ORDER BY f.id LIMIT 1),
                    (SELECT COALESCE(SUM(l.quantity * COALESCE(k.weight_grams, 0)), 0) FROM trade_lines l
                        JOIN trades lt ON lt.id = l.trade_id LEFT JOIN skus k ON k.id = l.sku_id
                        WHERE lt.shipment_id = ?),
                    COALESCE(SUM(t.paid_fen), 0),
                    (SELECT division_code FROM trades f WHERE f.shipment_id = ? ORDER BY f.id LIMIT 1)
                FROM trades t WHERE t.company_id = ? AND t.shipment_id = ?
                """,
                id,
                id,
                id,
                id,
                companyID,
                id
            )
            guard let row, let shop = row.optionalInt(0) else { continue }
            facts[id] = ShipmentFacts(
                shipmentID: id,
                shopID: shop,
                province: row.string(1),
                city: row.string(2),
                divisionCode: row.optionalString(5),
                weightGrams: row.int(3),
                valueFen: row.int(4)
            )
        }
        return facts
    }

    /// Takes a waybill off a shipment that has not left and puts its trades back to allocated; returns whether the
    /// shipment was waybilled and not shipped.
    public func clearWaybill(shipmentID: Int64, companyID: Int64) throws -> Bool {
        let changed = try connection.execute(
            """
            UPDATE shipments SET courier_code = NULL, waybill_no = NULL, waybilled_at = NULL, sort_code = NULL,
                bag_centre = NULL
            WHERE id = ? AND company_id = ? AND waybill_no IS NOT NULL AND shipped_at IS NULL
            """,
            shipmentID,
            companyID
        )
        guard changed == 1 else { return false }
        try connection.execute(
            "UPDATE trades SET state = 'allocated', updated_at = ? WHERE shipment_id = ? AND state = 'waybilled'",
            Clock.nowSeconds(),
            shipmentID
        )
        return true
    }

    private func requests(where condition: String, _ arguments: [any SQLBindable]) throws -> [WaybillRequestRecord] {
        try connection.query(
            """
            SELECT shipment_id, attempt, account_code, request_key, reason, state, waybill_no, error
            FROM waybill_requests WHERE \(condition) ORDER BY shipment_id, attempt
            """,
            arguments
        ).map { row in
            WaybillRequestRecord(
                shipmentID: row.int(0),
                attempt: row.int(1),
                accountCode: row.string(2),
                requestKey: row.string(3),
                reason: row.string(4),
                state: WaybillRequestRecord.State(rawValue: row.string(5)) ?? .pending,
                waybillNumber: row.optionalString(6),
                error: row.optionalString(7)
            )
        }
    }
}

extension LabelRecords {
    /// The warehouse of each of these shipments, by shipment id.
    public func shipmentWarehouses(ids: [Int64], companyID: Int64) throws -> [Int64: Int64] {
        var warehouses: [Int64: Int64] = [:]
        for id in ids {
            if let row = try connection.queryOne(
                "SELECT warehouse_id FROM shipments WHERE id = ? AND company_id = ?",
                id,
                companyID
            ) {
                warehouses[id] = row.int(0)
            }
        }
        return warehouses
    }

    /// The code of each shipment's warehouse (`MAIN`), by shipment id, for messages.
    public func shipmentWarehouseCodes(ids: [Int64], companyID: Int64) throws -> [Int64: String] {
        var codes: [Int64: String] = [:]
        for id in ids {
            if let row = try connection.queryOne(
                """
                SELECT w.code FROM shipments s JOIN warehouses w ON w.id = s.warehouse_id
                WHERE s.id = ? AND s.company_id = ?
                """,
                id,
                companyID
            ) {
                codes[id] = row.string(0)
            }
        }
        return codes
    }
}
