public import ZhangguiCore
public import ZhangguiStore

/// What one courier waybill run did.
public struct CourierWaybillSummary: Sendable, Equatable, Encodable {
    /// Shipments that got a number.
    public var issued = 0
    /// Shipments still waiting, with the reason: no rule chose a courier, or the courier's error.
    public var waiting: [WaitingShipment] = []

    public init() {}
}

/// A shipment left without a number, and why.
public struct WaitingShipment: Sendable, Equatable, Encodable {
    public let shipmentID: Int64
    public let reason: String

    public init(shipmentID: Int64, reason: String) {
        self.shipmentID = shipmentID
        self.reason = reason
    }
}

/// Waybilling through courier accounts chosen by rule (打单), in three steps so no network call happens inside a
/// write transaction:
///
/// 1. **claim** (one transaction): every allocated shipment without a request gets one — the account its rules
///    choose, the reason, and a request key stable for the shipment's attempt. Offline-range accounts issue right
///    there, since they need no network.
/// 2. **call** (no transaction): each pending request goes to its courier.
/// 3. **store** (one transaction): the numbers go on the shipments, the requests become issued; a failure is kept
///    on the request and the shipment waits.
///
/// A crash after the call and before the store leaves the request pending; the next run sends the same key, and
/// the courier answers with the number it gave first, so a parcel never gets two.
public struct CourierWaybillService: Sendable {
    let database: any Database
    let accounts: CourierAccounts
    let makeClient: CourierClientMaker

    public init(database: any Database, accounts: CourierAccounts, makeClient: @escaping CourierClientMaker) {
        self.database = database
        self.accounts = accounts
        self.makeClient = makeClient
    }

    /// Gives every allocated shipment `scope` admits a waybill from the account its rules choose; with `tradeIDs`,
    /// only the parcels holding one of those trades (the ones ticked on the order desk) are claimed. Requests
    /// claimed earlier and still pending (a courier was down) are sent again either way.
    public func waybillAllocated(
        companyID: Int64,
        scope: DataScope = .everything,
        tradeIDs: Set<Int64>? = nil,
        audit: AuditContext? = nil
    ) throws -> CourierWaybillSummary {
        var summary = try claim(companyID: companyID, scope: scope, tradeIDs: tradeIDs, audit: audit)
        let pending = try database.read { try WaybillRequestRecords($0).pending(companyID: companyID) }
        let outcomes = try call(pending, companyID: companyID)
        try store(outcomes, companyID: companyID, audit: audit, summary: &summary)
        return summary
    }

    /// The request of a shipment that is not cancelled: its account, why it was chosen, its state and error.
    public func explain(shipmentID: Int64, companyID: Int64) throws -> WaybillRequestRecord? {
        try database.read { try WaybillRequestRecords($0).open(shipmentID: shipmentID, companyID: companyID) }
    }

    // MARK: Claim

    private func claim(companyID: Int64, scope: DataScope, tradeIDs: Set<Int64>?, audit: AuditContext?) throws
        -> CourierWaybillSummary
    {
        try database.write { connection in
            let wanted = try tradeIDs.map {
                try FulfilmentRecords(connection).shipmentIDs(ofTrades: $0, companyID: companyID)
            }
            var summary = CourierWaybillSummary()
            let requests = WaybillRequestRecords(connection)
            let book = try CourierRecords(connection).ruleBook(companyID: companyID)
            let accounts = try CourierRecords(connection).accounts(companyID: companyID)
            let shipments = try FulfilmentRecords(connection).shipmentsToWaybill(companyID: companyID, limit: 100_000)
                .filter { scope.admits($0) && (wanted?.contains($0.id) ?? true) }
            let facts = try requests.facts(shipmentIDs: shipments.map(\.id), companyID: companyID)
            for shipment in shipments where try requests.open(shipmentID: shipment.id, companyID: companyID) == nil {
                guard let fact = facts[shipment.id], let choice = book.choose(for: Self.parcelFacts(fact)) else {
                    let reason =
                        "no courier rule holds and there is no default account "
                        + "(zhanggui courier add ACCOUNT … --default, or courier shop-default SHOP ACCOUNT)"
                    summary.waiting.append(WaitingShipment(shipmentID: shipment.id, reason: reason))
                    continue
                }
                guard accounts.contains(where: { $0.code == choice.accountCode }) else {
                    let reason = "\(choice.reason) chose account \(choice.accountCode), which does not exist"
                    summary.waiting.append(WaitingShipment(shipmentID: shipment.id, reason: reason))
                    continue
                }
                let attempt = try requests.nextAttempt(shipmentID: shipment.id)
                let key = CourierParcel.requestKey(companyID: companyID, shipmentID: shipment.id, attempt: Int(attempt))
                let request = WaybillRequestRecord(
                    shipmentID: shipment.id,
                    attempt: attempt,
                    accountCode: choice.accountCode,
                    requestKey: key,
                    reason: choice.reason,
                    state: .pending
                )
                try requests.insert(request, companyID: companyID)
            }
            let carriers = Dictionary(
                accounts.filter { $0.service == CourierServiceKind.offline.rawValue }.map { ($0.code, $0.carrierCode) },
                uniquingKeysWith: { first, _ in first }
            )
            let offline = Dictionary(grouping: try requests.pending(companyID: companyID)) { carriers[$0.accountCode] }
            for (carrier, pending) in offline.sorted(by: { ($0.key ?? "") < ($1.key ?? "") }) {
                guard let carrier else { continue }
                summary.issued += try issueOffline(pending, carrier: carrier, companyID: companyID, in: connection)
            }
            if summary.issued > 0 {
                try audit?.record(
                    "fulfilment.waybill",
                    object: .batch(companyID: companyID),
                    after: ["shipments": summary.issued],
                    in: connection
                )
            }
            return summary
        }
    }

    /// Numbers from an offline range, in the claim transaction (no network): a range too short leaves the
    /// requests pending with the range's error.
    private func issueOffline(
        _ pending: [WaybillRequestRecord],
        carrier: String,
        companyID: Int64,
        in connection: any DatabaseConnection
    ) throws -> Int {
        let requests = WaybillRequestRecords(connection)
        let numbers: [String]
        do {
            numbers = try OfflineRangeCourier(code: carrier).issueWaybills(
                for: pending.map { WaybillRequest(shipmentID: $0.shipmentID, warehouseID: 0) },
                companyID: companyID,
                connection: connection
            )
        } catch let error as CourierError {
            for request in pending {
                try requests.update(
                    shipmentID: request.shipmentID,
                    attempt: request.attempt,
                    from: .pending,
                    to: .pending,
                    error: error.description
                )
            }
            return 0
        }
        let waybills = zip(pending, numbers).map {
            ShipmentWaybill(shipmentID: $0.shipmentID, number: $1, sortCode: nil, bagCentre: nil)
        }
        try FulfilmentRecords(connection).recordWaybills(waybills, courierCode: carrier)
        for (request, number) in zip(pending, numbers) {
            try requests.update(
                shipmentID: request.shipmentID,
                attempt: request.attempt,
                from: .pending,
                to: .issued,
                waybillNumber: number
            )
        }
        return waybills.count
    }

    static func parcelFacts(_ facts: ShipmentFacts) -> ParcelFacts {
        ParcelFacts(
            province: facts.province,
            city: facts.city,
            divisionCode: facts.divisionCode,
            shopID: facts.shopID,
            weightGrams: facts.weightGrams,
            valueFen: facts.valueFen
        )
    }
}
