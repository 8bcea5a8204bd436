public import Foundation
public import ZhangguiCore

/// A parcel (shipment with a waybill) as tracking sees it.
public struct TrackedParcel: Sendable, Hashable {
    public let shipmentID: Int64
    /// The warehouse it left from.
    public let warehouseID: Int64
    public let courierCode: String
    public let waybillNumber: String
    public let shippedAt: Int64?
    /// The parcel's latest state, nil before the first event.
    public let status: TrackingStatus?
    /// When the event behind `status` happened, UTC seconds.
    public let statusAt: Int64?
    public let deliveredAt: Int64?
}

/// A shipped order that has heard nothing from its couriers since `lastNewsAt`.
public struct QuietOrder: Sendable, Hashable {
    public let tradeID: Int64
    /// The latest tracking event of its parcel, or when it shipped when there was none, UTC seconds.
    public let lastNewsAt: Int64
}

/// Queries about tracking events and parcel states.
public struct TrackingRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// The parcel a courier's waybill number names, or nil when it is not one of the company's.
    public func parcel(courierCode: String, waybillNumber: String, companyID: Int64) throws -> TrackedParcel? {
        try parcels(
            where: "company_id = ? AND courier_code = ? AND waybill_no = ?",
            [
                companyID, courierCode, waybillNumber,
            ]
        ).first
    }

    /// A parcel by its shipment id, or nil when the company has no such shipment with a waybill.
    public func parcel(shipmentID: Int64, companyID: Int64) throws -> TrackedParcel? {
        try parcels(where: "company_id = ? AND id = ? AND waybill_no IS NOT NULL", [companyID, shipmentID]).first
    }

    /// The parcels a trade travels in (one, or none before it has a waybill).
    public func parcels(tradeIDs: [Int64], companyID: Int64) throws -> [TrackedParcel] {
        guard !tradeIDs.isEmpty else { return [] }
        return try parcels(
            where: "company_id = ? AND waybill_no IS NOT NULL AND id IN (SELECT shipment_id FROM trades WHERE id IN "
                + "(\(CatalogRecords.placeholders(tradeIDs.count))))",
            [companyID] + tradeIDs.map { $0 as any SQLBindable }
        )
    }

    private func parcels(where condition: String, _ arguments: [any SQLBindable], orderedBy order: String = "id")
        throws -> [TrackedParcel]
    {
        try connection.query(
            """
            SELECT id, courier_code, waybill_no, shipped_at, tracking_status, tracking_at, delivered_at, warehouse_id
            FROM shipments WHERE \(condition) ORDER BY \(order)
            """,
            arguments
        ).map { row in
            TrackedParcel(
                shipmentID: row.int(0),
                warehouseID: row.int(7),
                courierCode: row.optionalString(1) ?? "",
                waybillNumber: row.optionalString(2) ?? "",
                shippedAt: row.optionalInt(3),
                status: row.optionalString(4).flatMap(TrackingStatus.init(rawValue:)),
                statusAt: row.optionalInt(5),
                deliveredAt: row.optionalInt(6)
            )
        }
    }

    /// The shops of the trades that travel in a parcel.
    public func shopIDs(shipmentID: Int64) throws -> Set<Int64> {
        Set(
            try connection.query("SELECT DISTINCT shop_id FROM trades WHERE shipment_id = ?", shipmentID).map {
                $0.int(0)
            }
        )
    }

    /// Stores `event` about `shipmentID` unless it is stored already; true when it went in.
    public func insert(_ event: TrackingEvent, shipmentID: Int64, companyID: Int64, at now: Int64) throws -> Bool {
        try connection.execute(
            """
            INSERT INTO tracking_events (company_id, shipment_id, courier_code, waybill_no, occurred_at, status,
                courier_action, detail, place, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (company_id, courier_code, waybill_no, occurred_at, status, courier_action, detail) DO NOTHING
            """,
            companyID,
            shipmentID,
            event.courierCode,
            event.waybillNumber,
            Int64(event.occurredAt.timeIntervalSince1970.rounded(.down)),
            event.status.rawValue,
            event.courierAction,
            event.detail,
            event.place,
            now
        ) == 1
    }

    /// Every event of a parcel, oldest first.
    public func events(shipmentID: Int64) throws -> [TrackingEvent] {
        try connection.query(
            """
            SELECT courier_code, waybill_no, occurred_at, status, courier_action, detail, place
            FROM tracking_events WHERE shipment_id = ? ORDER BY occurred_at, id
            """,
            shipmentID
        ).map { row in
            TrackingEvent(
                courierCode: row.string(0),
                waybillNumber: row.string(1),
                occurredAt: Date(timeIntervalSince1970: TimeInterval(row.int(2))),
                status: TrackingStatus(rawValue: row.string(3)) ?? .problem,
                courierAction: row.string(4),
                detail: row.string(5),
                place: row.optionalString(6)
            )
        }
    }

    /// Writes a parcel's state.
    public func setState(_ tracking: ParcelTracking, shipmentID: Int64) throws {
        try connection.execute(
            "UPDATE shipments SET tracking_status = ?, tracking_at = ?, delivered_at = ? WHERE id = ?",
            tracking.status.rawValue,
            Int64(tracking.at.timeIntervalSince1970.rounded(.down)),
            tracking.deliveredAt.map { Int64($0.timeIntervalSince1970.rounded(.down)) },
            shipmentID
        )
    }

    /// The trades of the orders that travel in `shipmentID`: every part (split) of each of those platform orders,
    /// cancelled parts left out.
    public func orderTrades(shipmentID: Int64, companyID: Int64) throws -> [(tradeID: Int64, orderKey: String)] {
        try connection.query(
            """
            SELECT t.id, CAST(t.shop_id AS TEXT) || '/' || t.platform_order_id FROM trades t
            WHERE t.company_id = ? AND t.state <> 'cancelled' AND EXISTS (
                SELECT 1 FROM trades o WHERE o.shipment_id = ? AND o.company_id = t.company_id
                    AND o.shop_id = t.shop_id AND o.platform_order_id = t.platform_order_id)
            ORDER BY t.id
            """,
            companyID,
            shipmentID
        ).map { ($0.int(0), $0.string(1)) }
    }

    /// Marks trades delivered (签收) at `seconds`, or not delivered with nil.
    public func setDelivered(tradeIDs: [Int64], at seconds: Int64?, companyID: Int64) throws {
        guard !tradeIDs.isEmpty else { return }
        try connection.execute(
            "UPDATE trades SET delivered_at = ? WHERE company_id = ? AND id IN "
                + "(\(CatalogRecords.placeholders(tradeIDs.count)))",
            [seconds as any SQLBindable, companyID] + tradeIDs.map { $0 as any SQLBindable }
        )
    }

    /// When each trade was delivered, nil for those that were not.
    public func deliveredAt(tradeIDs: [Int64], companyID: Int64) throws -> [Int64: Int64?] {
        guard !tradeIDs.isEmpty else { return [:] }
        var result: [Int64: Int64?] = [:]
        try connection.forEach(
            "SELECT id, delivered_at FROM trades WHERE company_id = ? AND id IN "
                + "(\(CatalogRecords.placeholders(tradeIDs.count)))",
            [companyID] + tradeIDs.map { $0 as any SQLBindable }
        ) { result[$0.int(0)] = $0.optionalInt(1) }
        return result
    }

    /// Shipped parcels of `courierCode` not yet delivered, those with the oldest news first (latest event, or
    /// shipping when none), at most `limit`: what polling asks the courier about.
    public func parcelsOnTheWay(courierCode: String, companyID: Int64, limit: Int) throws -> [TrackedParcel] {
        try parcels(
            where: """
                company_id = ? AND courier_code = ? AND waybill_no IS NOT NULL AND shipped_at IS NOT NULL
                    AND delivered_at IS NULL
                """,
            [companyID, courierCode, Int64(limit)],
            orderedBy: "COALESCE(tracking_at, shipped_at), id LIMIT ?"
        )
    }

    /// Shipped, undelivered trades whose parcel's latest news (event, or shipping when none) is older than `before`.
    public func quietOrders(before: Int64, companyID: Int64) throws -> [QuietOrder] {
        try connection.query(
            """
            SELECT t.id, COALESCE(s.tracking_at, s.shipped_at) FROM trades t JOIN shipments s ON s.id = t.shipment_id
            WHERE t.company_id = ? AND t.state = 'shipped' AND t.delivered_at IS NULL
                AND COALESCE(s.tracking_at, s.shipped_at) < ?
            ORDER BY t.id
            """,
            companyID,
            before
        ).map { QuietOrder(tradeID: $0.int(0), lastNewsAt: $0.int(1)) }
    }

    /// The days a shipped order may go without tracking news before an alert.
    public func staleDays(companyID: Int64) throws -> Int64 {
        try connection.queryOne("SELECT stale_tracking_days FROM companies WHERE id = ?", companyID)?.int(0) ?? 3
    }

    /// Sets the days a shipped order may go without tracking news before an alert (at least 1).
    public func setStaleDays(_ days: Int64, companyID: Int64) throws {
        try connection.execute("UPDATE companies SET stale_tracking_days = ? WHERE id = ?", days, companyID)
    }
}
