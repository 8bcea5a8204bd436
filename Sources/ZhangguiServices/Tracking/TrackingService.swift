public import Foundation
public import ZhangguiCore
public import ZhangguiStore

/// What recording a batch of tracking events did.
public struct TrackingReport: Sendable, Equatable, Encodable {
    /// Events stored for the first time.
    public var recorded = 0
    /// Events already stored (the same event pushed or polled again), left as they were.
    public var duplicates = 0
    /// `courier/waybill` of events about no parcel of the company, in the order given, each once.
    public var unknownWaybills: [String] = []
    /// Parcels whose state changed.
    public var parcelsChanged = 0
    /// Trades newly delivered (签收): every parcel of their order was signed for.
    public var tradesDelivered = 0
    /// Events recorded that are timed before their parcel shipped: kept, since couriers' clocks and ours differ,
    /// but counted so a wrong clock or a wrong waybill shows.
    public var beforeShipping = 0

    public init() {}
}

/// Tracking (物流跟踪): records what couriers report about our parcels, moves each parcel to its state, and marks an
/// order delivered (签收) when all its parcels are. Couriers' pushes, polling and files all come in through
/// ``record(_:companyID:audit:)``.
public struct TrackingService: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Records `events` in one transaction. The same event twice is stored once; events about waybills that are
    /// not the company's, or whose parcel `scope` does not admit (its warehouse or an order's shop), are reported
    /// as unknown and skipped. Each touched parcel's state is read again from all its events
    /// (``ParcelTracking``), so events arriving out of order end in the same state.
    /// - Parameter audit: who recorded; writes `tracking.record` with the report when anything was stored.
    public func record(
        _ events: [TrackingEvent],
        companyID: Int64,
        scope: DataScope = .everything,
        audit: AuditContext? = nil
    ) throws -> TrackingReport {
        try database.write { connection in
            let records = TrackingRecords(connection)
            let now = Clock.nowSeconds()
            var report = TrackingReport()
            var touched: Set<Int64> = []
            var parcels: [String: TrackedParcel?] = [:]
            for event in events {
                let key = "\(event.courierCode)/\(event.waybillNumber)"
                if parcels[key] == nil {
                    let found = try records.parcel(
                        courierCode: event.courierCode,
                        waybillNumber: event.waybillNumber,
                        companyID: companyID
                    )
                    let admitted = try found.map { try Self.admits($0, scope: scope, records: records) } ?? false
                    parcels[key] = .some(admitted ? found : nil)
                }
                guard let parcel = parcels[key] ?? nil else {
                    if !report.unknownWaybills.contains(key) { report.unknownWaybills.append(key) }
                    continue
                }
                if try records.insert(event, shipmentID: parcel.shipmentID, companyID: companyID, at: now) {
                    report.recorded += 1
                    if let shippedAt = parcel.shippedAt, Self.seconds(event.occurredAt) < shippedAt {
                        report.beforeShipping += 1
                    }
                    touched.insert(parcel.shipmentID)
                } else {
                    report.duplicates += 1
                }
            }
            for shipmentID in touched.sorted() {
                try settle(
                    shipmentID: shipmentID,
                    companyID: companyID,
                    now: now,
                    report: &report,
                    connection: connection
                )
            }
            if report.recorded > 0 {
                try audit?.record(
                    "tracking.record",
                    object: .batch(companyID: companyID),
                    after: report,
                    in: connection
                )
            }
            return report
        }
    }

    /// Sets a parcel's state from its events, the delivery of its orders, and clears their stale-tracking alerts.
    private func settle(
        shipmentID: Int64,
        companyID: Int64,
        now: Int64,
        report: inout TrackingReport,
        connection: any DatabaseConnection
    ) throws {
        let records = TrackingRecords(connection)
        guard let tracking = ParcelTracking(events: try records.events(shipmentID: shipmentID)) else { return }
        let before = try records.parcel(shipmentID: shipmentID, companyID: companyID)
        if before?.status != tracking.status || before?.statusAt != Self.seconds(tracking.at) {
            report.parcelsChanged += 1
        }
        try records.setState(tracking, shipmentID: shipmentID)
        let trades = try records.orderTrades(shipmentID: shipmentID, companyID: companyID)
        for order in Dictionary(grouping: trades, by: \.orderKey).values {
            report.tradesDelivered += try settleDelivery(of: order.map(\.tradeID), companyID: companyID, records)
        }
        let alerts = AlertRecords(connection)
        for trade in trades {
            try alerts.clear(.staleTracking, subject: String(trade.tradeID), companyID: companyID, at: now)
        }
    }

    /// Marks an order's trades delivered when every one travels in a delivered parcel (at the last signature), and
    /// not delivered otherwise; returns how many became delivered.
    private func settleDelivery(of tradeIDs: [Int64], companyID: Int64, _ records: TrackingRecords) throws -> Int {
        let parcels = try tradeIDs.map { try records.parcels(tradeIDs: [$0], companyID: companyID).first }
        let signatures = parcels.map { $0?.deliveredAt }
        let deliveredAt: Int64? =
            signatures.allSatisfy { $0 != nil } ? signatures.compactMap { $0 }.max() : nil
        let was = try records.deliveredAt(tradeIDs: tradeIDs, companyID: companyID)
        let changed = tradeIDs.filter { (was[$0] ?? nil) != deliveredAt }
        try records.setDelivered(tradeIDs: changed, at: deliveredAt, companyID: companyID)
        return deliveredAt == nil ? 0 : changed.count
    }

    /// Whether `scope` admits the parcel: its warehouse and the shop of every order in it.
    private static func admits(_ parcel: TrackedParcel, scope: DataScope, records: TrackingRecords) throws -> Bool {
        guard scope.admits(warehouse: parcel.warehouseID) else { return false }
        return try records.shopIDs(shipmentID: parcel.shipmentID).allSatisfy { scope.admits(shop: $0) }
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}
