import ZhangguiCore
import ZhangguiStore

/// What a cancellation did.
public struct WaybillCancellation: Sendable, Equatable, Encodable {
    public let shipmentID: Int64
    public let waybillNumber: String
    /// Whether the courier was told (a network account), or the number was only voided (an offline range).
    public let toldCourier: Bool

    public init(shipmentID: Int64, waybillNumber: String, toldCourier: Bool) {
        self.shipmentID = shipmentID
        self.waybillNumber = waybillNumber
        self.toldCourier = toldCourier
    }
}

extension CourierWaybillService {
    /// Cancels a shipment's waybill (取消面单): the courier is told (丰桥 dealType 2, ZOP cancelPreOrder) outside
    /// any transaction, then the number comes off the shipment, its trades go back to allocated and the next run
    /// asks for a new number with the next attempt's request key. An offline-range number is only voided.
    /// - Throws: ``CourierError`` `.notCancellable` when the parcel does not exist, has shipped, was packed, or has
    ///   no waybill; the courier's error when it refuses or cannot be reached (then nothing changes here).
    @discardableResult
    public func cancelWaybill(shipmentID: Int64, companyID: Int64, audit: AuditContext? = nil) throws
        -> WaybillCancellation
    {
        let (request, record) = try startCancelling(shipmentID: shipmentID, companyID: companyID)
        var toldCourier = false
        if let record, let service = CourierServiceKind(rawValue: record.service), service != .offline,
            let request, let number = request.waybillNumber
        {
            do {
                let client = try makeClient(
                    service,
                    record.carrierCode,
                    accounts.credentials(of: record, companyID: companyID)
                )
                try client.cancelWaybill(number, requestKey: request.requestKey)
                toldCourier = true
            } catch {
                try database.write { connection in
                    try WaybillRequestRecords(connection).update(
                        shipmentID: shipmentID,
                        attempt: request.attempt,
                        from: .cancelling,
                        to: .issued,
                        error: String(describing: error)
                    )
                }
                throw error
            }
        }
        return try finishCancelling(
            shipmentID: shipmentID,
            request: request,
            toldCourier: toldCourier,
            companyID: companyID,
            audit: audit
        )
    }

    /// Checks the shipment may be cancelled and marks its request cancelling, in one transaction.
    private func startCancelling(shipmentID: Int64, companyID: Int64) throws
        -> (WaybillRequestRecord?, CourierAccountRecord?)
    {
        try database.write { connection in
            func refuse(_ why: String) -> CourierError {
                CourierError(code: .notCancellable, courierCode: "", detail: "shipment \(shipmentID) \(why)")
            }
            let row = try connection.queryOne(
                "SELECT waybill_no, shipped_at FROM shipments WHERE id = ? AND company_id = ?",
                shipmentID,
                companyID
            )
            guard let row else { throw refuse("does not exist") }
            guard row.optionalString(0) != nil else { throw refuse("has no waybill") }
            guard row.optionalInt(1) == nil else { throw refuse("has shipped") }
            let packed = try PackingRecords(connection).packed(companyID: companyID, shipments: shipmentID...shipmentID)
            guard packed.isEmpty else { throw refuse("is packed with its label on") }
            let requests = WaybillRequestRecords(connection)
            guard let request = try requests.open(shipmentID: shipmentID, companyID: companyID) else {
                return (nil, nil)
            }
            guard request.state == .issued || request.state == .cancelling else { throw refuse("is being waybilled") }
            try requests.update(shipmentID: shipmentID, attempt: request.attempt, from: .issued, to: .cancelling)
            let record = try CourierRecords(connection).accounts(companyID: companyID)
                .first { $0.code == request.accountCode }
            return (request, record)
        }
    }

    private func finishCancelling(
        shipmentID: Int64,
        request: WaybillRequestRecord?,
        toldCourier: Bool,
        companyID: Int64,
        audit: AuditContext?
    ) throws -> WaybillCancellation {
        try database.write { connection in
            let number =
                try connection.queryOne("SELECT waybill_no FROM shipments WHERE id = ?", shipmentID)?
                .optionalString(0) ?? ""
            let requests = WaybillRequestRecords(connection)
            guard try requests.clearWaybill(shipmentID: shipmentID, companyID: companyID) else {
                throw CourierError(
                    code: .notCancellable,
                    courierCode: "",
                    detail: "shipment \(shipmentID) shipped while its waybill was being cancelled"
                )
            }
            if let request {
                try requests.update(shipmentID: shipmentID, attempt: request.attempt, from: .cancelling, to: .cancelled)
            }
            let cancellation = WaybillCancellation(
                shipmentID: shipmentID,
                waybillNumber: number,
                toldCourier: toldCourier
            )
            try audit?.record(
                "fulfilment.waybill.cancel",
                object: AuditObject(type: "shipment", id: String(shipmentID)),
                after: cancellation,
                in: connection
            )
            return cancellation
        }
    }
}
