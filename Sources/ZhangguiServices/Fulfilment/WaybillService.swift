public import ZhangguiCore
public import ZhangguiStore

/// Waybilling (打单): gets a waybill number for every allocated shipment.
public struct WaybillService: Sendable {
    let database: any Database
    let courier: any Courier

    public init(database: any Database, courier: any Courier) {
        self.database = database
        self.courier = courier
    }

    /// Issues waybills for every shipment whose trades are allocated, of the shops and warehouses `scope` admits,
    /// `batchSize` shipments per transaction.
    /// - Parameters:
    ///   - tradeIDs: only the parcels holding one of these trades (the ones ticked on the order desk), when given;
    ///     nil takes every parcel waiting for a number.
    ///   - audit: who asks; each batch that issued numbers writes `fulfilment.waybill` with its count in its own
    ///     transaction.
    /// - Returns: how many shipments got a number.
    public func waybillAllocated(
        companyID: Int64,
        scope: DataScope = .everything,
        tradeIDs: Set<Int64>? = nil,
        batchSize: Int = 1000,
        audit: AuditContext? = nil
    ) throws -> Int {
        let wanted = try tradeIDs.map { ids in
            try database.read { try FulfilmentRecords($0).shipmentIDs(ofTrades: ids, companyID: companyID) }
        }
        if wanted?.isEmpty == true { return 0 }
        var total = 0
        var after: Int64 = (wanted?.min() ?? 1) - 1
        let lastWanted = wanted?.max() ?? Int64.max
        while true {
            let (fetched, last, count) = try database.write { connection -> (Int, Int64, Int) in
                let fulfilment = FulfilmentRecords(connection)
                let found = try fulfilment.shipmentsToWaybill(companyID: companyID, after: after, limit: batchSize)
                let shipments = found.filter { scope.admits($0) && (wanted?.contains($0.id) ?? true) }
                let issued = try courier.issueRoutedWaybills(
                    for: shipments.map { WaybillRequest(shipmentID: $0.id, warehouseID: $0.warehouseID) },
                    companyID: companyID,
                    connection: connection
                )
                let waybills = zip(shipments, issued).map { shipment, waybill in
                    ShipmentWaybill(
                        shipmentID: shipment.id,
                        number: waybill.number,
                        sortCode: waybill.sortCode,
                        bagCentre: waybill.bagCentre
                    )
                }
                try fulfilment.recordWaybills(waybills, courierCode: courier.code)
                if !shipments.isEmpty {
                    let batch = AuditObject.batch(companyID: companyID)
                    let counted = WaybillBatch(shipments: shipments.count)
                    try audit?.record("fulfilment.waybill", object: batch, after: counted, in: connection)
                }
                return (found.count, found.last?.id ?? after, shipments.count)
            }
            total += count
            after = last
            if fetched < batchSize || after >= lastWanted { return total }
        }
    }
}

/// What one waybill batch did, as the audit log keeps it.
private struct WaybillBatch: Encodable {
    let shipments: Int
}

extension DataScope {
    /// Whether the scope admits both the shop and the warehouse of `shipment`.
    func admits(_ shipment: ShipmentRecord) -> Bool {
        admits(shop: shipment.shopID) && admits(warehouse: shipment.warehouseID)
    }
}
