/// The waybill a courier issued for one shipment, with the routing it printed on the label.
public struct ShipmentWaybill: Sendable, Hashable {
    public let shipmentID: Int64
    public let number: String
    /// 大头笔 / 三段码: the destination sorting code, when the courier returned one.
    public let sortCode: String?
    /// 集包地: the consolidation centre, when the courier returned one.
    public let bagCentre: String?

    public init(shipmentID: Int64, number: String, sortCode: String?, bagCentre: String?) {
        self.shipmentID = shipmentID
        self.number = number
        self.sortCode = sortCode
        self.bagCentre = bagCentre
    }

    /// Whether the courier returned any routing; a shipment without keeps the routing it has.
    var hasRouting: Bool { sortCode != nil || bagCentre != nil }
}

extension FulfilmentRecords {
    /// Records a batch of issued waybills: each shipment's courier, number and routing, and marks the allocated
    /// trades of those shipments waybilled. Returns how many trades became waybilled.
    ///
    /// On PostgreSQL the batch takes three statements whatever its size (the lists travel as arrays), since every
    /// statement is a round trip to the server; SQLite runs in process and records shipment by shipment.
    @discardableResult
    public func recordWaybills(_ waybills: [ShipmentWaybill], courierCode: String) throws -> Int {
        guard !waybills.isEmpty else { return 0 }
        switch connection.dialect {
        case .sqlite: return try recordEach(waybills, courierCode: courierCode)
        case .postgres: return try recordAsArrays(waybills, courierCode: courierCode)
        }
    }

    private func recordEach(_ waybills: [ShipmentWaybill], courierCode: String) throws -> Int {
        var changed = 0
        for waybill in waybills {
            try setWaybill(waybill.number, courierCode: courierCode, shipmentID: waybill.shipmentID)
            if waybill.hasRouting {
                try LabelRecords(connection).setRouting(
                    sortCode: waybill.sortCode,
                    bagCentre: waybill.bagCentre,
                    shipmentID: waybill.shipmentID
                )
            }
            changed += try markWaybilled(shipmentID: waybill.shipmentID)
        }
        return changed
    }

    private func recordAsArrays(_ waybills: [ShipmentWaybill], courierCode: String) throws -> Int {
        let now = Clock.nowSeconds()
        try connection.execute(
            """
            UPDATE shipments AS s SET courier_code = ?, waybill_no = w.number, waybilled_at = ?
            FROM unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[])) AS w(id, number) WHERE s.id = w.id
            """,
            courierCode,
            now,
            PostgresArray.literal(waybills.map(\.shipmentID)),
            PostgresArray.literal(waybills.map { Optional($0.number) })
        )
        let routed = waybills.filter(\.hasRouting)
        if !routed.isEmpty {
            try connection.execute(
                """
                UPDATE shipments AS s SET sort_code = r.sort_code, bag_centre = r.bag_centre
                FROM unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS r(id, sort_code, bag_centre)
                WHERE s.id = r.id
                """,
                PostgresArray.literal(routed.map(\.shipmentID)),
                PostgresArray.literal(routed.map(\.sortCode)),
                PostgresArray.literal(routed.map(\.bagCentre))
            )
        }
        return try connection.execute(
            """
            UPDATE trades SET state = 'waybilled', updated_at = ?
            WHERE shipment_id = ANY(CAST(? AS BIGINT[])) AND state = 'allocated'
            """,
            now,
            PostgresArray.literal(waybills.map(\.shipmentID))
        )
    }
}
