public import ZhangguiCore

/// A waybilled shipment as a label needs it.
public struct LabelShipment: Sendable, Hashable {
    public let id: Int64
    public let warehouseID: Int64
    public let warehouseCode: String
    public let courierCode: String
    public let waybillNumber: String
    /// 大头笔 / 三段码 and 集包地 from the courier; nil for an offline range.
    public let sortCode: String?
    public let bagCentre: String?
}

/// A trade in a shipment, as its label shows it.
public struct LabelTrade: Sendable, Hashable {
    public let shipmentID: Int64
    public let platformOrderID: String
    public let receiver: Receiver
    public let items: [LabelItem]
}

/// A unit of stock to pick for a trade in a shipment: from a reservation (or, once shipped, from the trade line).
public struct ShipmentPick: Sendable, Hashable {
    public let shipmentID: Int64
    public let platformOrderID: String
    public let warehouseCode: String
    public let location: BinLocation
    public let skuCode: String
    public let skuName: String
    public let quantity: Int64
}

/// One recorded print of a label.
public struct LabelPrintRecord: Sendable, Hashable {
    public let shipmentID: Int64
    public let waybillNumber: String

    public init(shipmentID: Int64, waybillNumber: String) {
        self.shipmentID = shipmentID
        self.waybillNumber = waybillNumber
    }
}

/// Queries about labels: the shipments to print, what goes on them, warehouses' senders, bin locations and the
/// record of prints.
public struct LabelRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Shipments with a waybill that have not left and whose label was never printed with their current waybill
    /// number, in id order: a parcel whose waybill was cancelled and issued again needs a label with the new number.
    public func unprintedShipmentIDs(companyID: Int64) throws -> [Int64] {
        try connection.query(
            """
            SELECT s.id FROM shipments s
            WHERE s.company_id = ? AND s.waybill_no IS NOT NULL AND s.shipped_at IS NULL
            AND EXISTS (SELECT 1 FROM trades t WHERE t.shipment_id = s.id AND t.state = 'waybilled')
            AND NOT EXISTS (
                SELECT 1 FROM label_prints p
                WHERE p.shipment_id = s.id AND p.waybill_no = s.waybill_no AND p.is_reprint = 0
            )
            ORDER BY s.id
            """,
            companyID
        ).map { $0.int(0) }
    }

    /// The shipments first printed in batch `number` with the waybill number they still carry, in id order; nil
    /// when the company has no such batch. A parcel given a new number since belongs to the batch of its new label.
    public func batchShipmentIDs(number: Int64, companyID: Int64) throws -> [Int64]? {
        guard let batchID = try batchID(number: number, companyID: companyID) else { return nil }
        return try connection.query(
            """
            SELECT p.shipment_id FROM label_prints p JOIN shipments s ON s.id = p.shipment_id
            WHERE p.batch_id = ? AND p.is_reprint = 0 AND p.waybill_no = s.waybill_no
            ORDER BY p.shipment_id
            """,
            batchID
        ).map { $0.int(0) }
    }

    /// The id of the company's batch `number`, or nil.
    public func batchID(number: Int64, companyID: Int64) throws -> Int64? {
        try connection.queryOne(
            "SELECT id FROM print_batches WHERE company_id = ? AND number = ?",
            companyID,
            number
        )?.int(0)
    }

    /// The shipment with each waybill number, and the batch number of the first print of that number (nil when
    /// never printed).
    public func shipments(waybills: [String], companyID: Int64) throws -> [String: (id: Int64, batch: Int64?)] {
        var found: [String: (id: Int64, batch: Int64?)] = [:]
        for chunk in waybills.chunked(500) {
            try connection.forEach(
                """
                SELECT s.waybill_no, s.id, b.number FROM shipments s
                LEFT JOIN label_prints p ON p.shipment_id = s.id AND p.waybill_no = s.waybill_no AND p.is_reprint = 0
                LEFT JOIN print_batches b ON b.id = p.batch_id
                WHERE s.company_id = ? AND s.waybill_no IN (\(placeholders(chunk.count)))
                """,
                [companyID] + chunk
            ) { found[$0.string(0)] = ($0.int(1), $0.optionalInt(2)) }
        }
        return found
    }

    /// The shipments with these ids (that have a waybill), by id.
    public func shipments(ids: [Int64], companyID: Int64) throws -> [Int64: LabelShipment] {
        var found: [Int64: LabelShipment] = [:]
        for chunk in ids.chunked(500) {
            try connection.forEach(
                """
                SELECT s.id, s.warehouse_id, w.code, s.courier_code, s.waybill_no, s.sort_code, s.bag_centre
                FROM shipments s JOIN warehouses w ON w.id = s.warehouse_id
                WHERE s.company_id = ? AND s.waybill_no IS NOT NULL AND s.id IN (\(placeholders(chunk.count)))
                """,
                [companyID] + chunk
            ) { row in
                found[row.int(0)] = LabelShipment(
                    id: row.int(0),
                    warehouseID: row.int(1),
                    warehouseCode: row.string(2),
                    courierCode: row.optionalString(3) ?? "",
                    waybillNumber: row.string(4),
                    sortCode: row.optionalString(5),
                    bagCentre: row.optionalString(6)
                )
            }
        }
        return found
    }

    /// The trades in these shipments with their receivers and lines (SKU code and name where mapped), by shipment,
    /// in trade id order.
    public func trades(shipmentIDs: [Int64], companyID: Int64) throws -> [Int64: [LabelTrade]] {
        var trades: [Int64: [LabelTrade]] = [:]
        for chunk in shipmentIDs.chunked(500) {
            let items = try items(shipmentIDs: chunk, companyID: companyID)
            try connection.forEach(
                """
                SELECT id, shipment_id, platform_order_id, receiver_name, receiver_phone, province, city, district,
                    address
                FROM trades WHERE company_id = ? AND shipment_id IN (\(placeholders(chunk.count))) ORDER BY id
                """,
                [companyID] + chunk
            ) { row in
                let trade = LabelTrade(
                    shipmentID: row.int(1),
                    platformOrderID: row.string(2),
                    receiver: Receiver(
                        name: row.string(3),
                        phone: row.string(4),
                        province: row.string(5),
                        city: row.string(6),
                        district: row.string(7),
                        address: row.string(8)
                    ),
                    items: items[row.int(0)] ?? []
                )
                trades[trade.shipmentID, default: []].append(trade)
            }
        }
        return trades
    }

    private func items(shipmentIDs: [Int64], companyID: Int64) throws -> [Int64: [LabelItem]] {
        var items: [Int64: [LabelItem]] = [:]
        try connection.forEach(
            """
            SELECT l.trade_id, COALESCE(k.code, l.merchant_code), COALESCE(k.name, l.name), l.quantity
            FROM trade_lines l JOIN trades t ON t.id = l.trade_id LEFT JOIN skus k ON k.id = l.sku_id
            WHERE t.company_id = ? AND t.shipment_id IN (\(placeholders(shipmentIDs.count)))
            ORDER BY l.trade_id, l.line_no
            """,
            [companyID] + shipmentIDs
        ) { row in
            items[row.int(0), default: []].append(
                LabelItem(code: row.string(1), name: row.string(2), quantity: row.int(3))
            )
        }
        return items
    }

    /// What to pick for these shipments: each open reservation's SKU, quantity and bin location.
    public func picks(shipmentIDs: [Int64], companyID: Int64) throws -> [ShipmentPick] {
        var picks: [ShipmentPick] = []
        for chunk in shipmentIDs.chunked(500) {
            try connection.forEach(
                """
                SELECT t.shipment_id, t.platform_order_id, w.code, COALESCE(b.location, ''), k.code, k.name,
                    r.quantity
                FROM reservations r JOIN trades t ON t.id = r.trade_id JOIN warehouses w ON w.id = r.warehouse_id
                JOIN skus k ON k.id = r.sku_id
                LEFT JOIN bin_locations b ON b.warehouse_id = r.warehouse_id AND b.sku_id = r.sku_id
                WHERE t.company_id = ? AND t.shipment_id IN (\(placeholders(chunk.count)))
                ORDER BY r.id
                """,
                [companyID] + chunk
            ) { row in
                picks.append(
                    ShipmentPick(
                        shipmentID: row.int(0),
                        platformOrderID: row.string(1),
                        warehouseCode: row.string(2),
                        location: BinLocation(row.string(3)),
                        skuCode: row.string(4),
                        skuName: row.string(5),
                        quantity: row.int(6)
                    )
                )
            }
        }
        return picks
    }

    /// The bin location of each SKU (by code) in a warehouse, for shipments whose stock has left already.
    public func locations(warehouseID: Int64, companyID: Int64) throws -> [String: BinLocation] {
        var locations: [String: BinLocation] = [:]
        try connection.forEach(
            """
            SELECT k.code, b.location FROM bin_locations b JOIN skus k ON k.id = b.sku_id
            WHERE b.company_id = ? AND b.warehouse_id = ?
            """,
            [companyID, warehouseID]
        ) { locations[$0.string(0)] = BinLocation($0.string(1)) }
        return locations
    }

    private func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

extension Array {
    /// The elements in consecutive slices of at most `size`.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
