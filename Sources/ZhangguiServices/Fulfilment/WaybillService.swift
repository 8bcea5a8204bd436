import ZhangguiCore
public import ZhangguiStore

/// Waybilling (打单): gets a waybill number for every allocated shipment.
public struct WaybillService: Sendable {
    let database: any Database
    let courier: any Courier

    public init(database: any Database, courier: any Courier) {
        self.database = database
        self.courier = courier
    }

    /// Issues waybills for every shipment whose trades are allocated, `batchSize` shipments per transaction.
    /// - Returns: how many shipments got a number.
    public func waybillAllocated(companyID: Int64, batchSize: Int = 1000) throws -> Int {
        var total = 0
        while true {
            let count = try database.write { connection in
                let fulfilment = FulfilmentRecords(connection)
                let shipments = try fulfilment.shipmentsToWaybill(companyID: companyID, limit: batchSize)
                let issued = try courier.issueRoutedWaybills(
                    for: shipments.map { WaybillRequest(shipmentID: $0.id, warehouseID: $0.warehouseID) },
                    companyID: companyID,
                    connection: connection
                )
                for (shipment, waybill) in zip(shipments, issued) {
                    try fulfilment.setWaybill(waybill.number, courierCode: courier.code, shipmentID: shipment.id)
                    if waybill.sortCode != nil || waybill.bagCentre != nil {
                        try LabelRecords(connection).setRouting(
                            sortCode: waybill.sortCode,
                            bagCentre: waybill.bagCentre,
                            shipmentID: shipment.id
                        )
                    }
                    try fulfilment.markWaybilled(shipmentID: shipment.id)
                }
                return shipments.count
            }
            total += count
            if count < batchSize { return total }
        }
    }
}
