import ZhangguiCore
import ZhangguiStore

/// What a courier answered for one request.
struct CourierOutcome {
    let request: WaybillRequestRecord
    let carrierCode: String
    let result: Result<IssuedWaybill, CourierError>
}

extension CourierWaybillService {
    /// Sends every pending request of a network account to its courier, outside any transaction.
    func call(_ pending: [WaybillRequestRecord], companyID: Int64) throws -> [CourierOutcome] {
        guard !pending.isEmpty else { return [] }
        let records = try database.read { try CourierRecords($0).accounts(companyID: companyID) }
        let parcels = try parcels(for: pending, companyID: companyID)
        let warehouses = try database.read {
            try LabelRecords($0).shipmentWarehouseCodes(ids: pending.map(\.shipmentID), companyID: companyID)
        }
        var clients: [String: any CourierClient] = [:]
        var outcomes: [CourierOutcome] = []
        for request in pending {
            guard let record = records.first(where: { $0.code == request.accountCode }),
                let service = CourierServiceKind(rawValue: record.service), service != .offline
            else { continue }
            guard let parcel = parcels[request.shipmentID] else {
                let warehouse = warehouses[request.shipmentID] ?? "?"
                let error = CourierError(
                    code: .refused,
                    courierCode: record.carrierCode,
                    detail: "warehouse \(warehouse) has no sender address (zhanggui warehouse sender \(warehouse) …)"
                )
                outcomes.append(
                    CourierOutcome(request: request, carrierCode: record.carrierCode, result: .failure(error))
                )
                continue
            }
            if clients[record.code] == nil {
                let credentials = try accounts.credentials(of: record, companyID: companyID)
                clients[record.code] = try makeClient(service, record.carrierCode, credentials)
            }
            let result = Result { () throws(CourierError) in try clients[record.code]!.issueWaybill(for: parcel) }
            outcomes.append(CourierOutcome(request: request, carrierCode: record.carrierCode, result: result))
        }
        return outcomes
    }

    /// Stores every outcome in one transaction: numbers on the shipments, errors on the requests.
    func store(
        _ outcomes: [CourierOutcome],
        companyID: Int64,
        audit: AuditContext?,
        summary: inout CourierWaybillSummary
    ) throws {
        guard !outcomes.isEmpty else { return }
        let (issued, waiting) = try database.write { connection -> (Int, [WaitingShipment]) in
            let requests = WaybillRequestRecords(connection)
            var issued = 0
            var waiting: [WaitingShipment] = []
            for outcome in outcomes {
                let request = outcome.request
                switch outcome.result {
                case .success(let waybill):
                    guard
                        try requests.update(
                            shipmentID: request.shipmentID,
                            attempt: request.attempt,
                            from: .pending,
                            to: .issued,
                            waybillNumber: waybill.number
                        )
                    else { continue }
                    let stored = ShipmentWaybill(
                        shipmentID: request.shipmentID,
                        number: waybill.number,
                        sortCode: waybill.sortCode,
                        bagCentre: waybill.bagCentre
                    )
                    try FulfilmentRecords(connection).recordWaybills([stored], courierCode: outcome.carrierCode)
                    issued += 1
                case .failure(let error):
                    try requests.update(
                        shipmentID: request.shipmentID,
                        attempt: request.attempt,
                        from: .pending,
                        to: .pending,
                        error: error.description
                    )
                    waiting.append(WaitingShipment(shipmentID: request.shipmentID, reason: error.description))
                }
            }
            if issued > 0 {
                try audit?.record(
                    "fulfilment.waybill",
                    object: .batch(companyID: companyID),
                    after: ["shipments": issued],
                    in: connection
                )
            }
            return (issued, waiting)
        }
        summary.issued += issued
        summary.waiting += waiting
    }

    /// The parcel each request describes: the warehouse's sender, the first trade's receiver, every line.
    private func parcels(for pending: [WaybillRequestRecord], companyID: Int64) throws -> [Int64: CourierParcel] {
        try database.read { connection in
            let labels = LabelRecords(connection)
            let ids = pending.map(\.shipmentID)
            let trades = try labels.trades(shipmentIDs: ids, companyID: companyID)
            let shipments = try labels.shipmentWarehouses(ids: ids, companyID: companyID)
            let facts = try WaybillRequestRecords(connection).facts(shipmentIDs: ids, companyID: companyID)
            var parcels: [Int64: CourierParcel] = [:]
            for request in pending {
                guard let warehouse = shipments[request.shipmentID],
                    let sender = try labels.sender(warehouseID: warehouse),
                    let inside = trades[request.shipmentID], let receiver = inside.first?.receiver
                else { continue }
                parcels[request.shipmentID] = CourierParcel(
                    requestKey: request.requestKey,
                    sender: CourierContact(sender),
                    receiver: CourierContact(receiver),
                    weightGrams: facts[request.shipmentID]?.weightGrams ?? 0,
                    valueFen: facts[request.shipmentID]?.valueFen ?? 0,
                    items: inside.flatMap(\.items).map { CourierItem(name: $0.name, count: $0.quantity) }
                )
            }
            return parcels
        }
    }
}

extension CourierContact {
    init(_ sender: Sender) {
        self.init(
            name: sender.name,
            mobile: sender.phone,
            province: sender.province,
            city: sender.city,
            district: sender.district,
            address: sender.address
        )
    }

    init(_ receiver: Receiver) {
        self.init(
            name: receiver.name,
            mobile: receiver.phone,
            province: receiver.province,
            city: receiver.city,
            district: receiver.district,
            address: receiver.address
        )
    }
}
