import ZhangguiCore
public import ZhangguiStore

/// The parcel an order is in after a merge or unmerge.
public struct ParcelPlacement: Sendable, Equatable {
    public let tradeID: Int64
    public let shipmentID: Int64
}

/// Manual merge (手工合单) and unmerge (拆包): which orders share a parcel.
///
/// A merge puts two or more orders of one shop, to the same receiver (name, phone, province, city, district and
/// address, leading and trailing spaces aside), with stock reserved in the same warehouse and no waybill yet, into
/// one parcel: one shipment, one waybill, one label. The orders themselves — lines, money, reservations — do not
/// change, so an unmerge, which gives every order of a parcel a parcel of its own, restores them exactly; each
/// stays 已配货 (allocated), so the next allocation does not merge them again. Every change and its audit entries
/// are one transaction.
public struct ParcelService: Sendable {
    /// The most orders one merge takes.
    public static let maximumOrders = 100

    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Puts the orders `tradeIDs` into one parcel: the parcel of the first allocated one, or a new one.
    /// - Returns: where each order is now, in the order given.
    /// - Throws: ``OrderChangeError`` naming the order (`orders[i]`) or receiver field at fault; nothing changes.
    public func merge(tradeIDs: [Int64], by actor: AuditActor, at now: Int64) throws -> [ParcelPlacement] {
        try database.write { connection in
            let context = try CompanyContext.load(actor.companyID, from: connection)
            let trades = try ParcelMerge.load(tradeIDs, context: context, connection: connection)
            let merge = ParcelMerge(connection: connection, context: context, trades: trades)
            let warehouseID = try merge.commonWarehouse()
            let shipmentID = try merge.target(warehouseID: warehouseID)
            let fulfilment = FulfilmentRecords(connection)
            for trade in trades where trade.shipmentID != shipmentID {
                if trade.state == .approved {
                    try fulfilment.allocate(tradeID: trade.id, shipmentID: shipmentID)
                } else {
                    try fulfilment.move(allocatedTradeID: trade.id, toShipment: shipmentID)
                }
            }
            for trade in trades {
                try record("order.merge", trade, shipmentID: shipmentID, by: actor, at: now, in: connection)
            }
            return trades.map { ParcelPlacement(tradeID: $0.id, shipmentID: shipmentID) }
        }
    }

    /// Gives every order in the parcel of order `tradeID` a parcel of its own; the lowest order id keeps the
    /// parcel.
    /// - Throws: ``OrderChangeError`` `.notFound`, or `.wrongState` when the order is in no parcel, its parcel has
    ///   a waybill, or it is alone in it.
    public func unmerge(tradeID: Int64, by actor: AuditActor, at now: Int64) throws -> [ParcelPlacement] {
        try database.write { connection in
            let context = try CompanyContext.load(actor.companyID, from: connection)
            let records = TradeRecords(connection, currency: context.currency)
            guard let trade = try records.trade(id: tradeID, companyID: context.id) else {
                throw OrderChangeError.notFound(tradeID)
            }
            guard trade.state == .allocated, let shipmentID = trade.shipmentID else {
                throw OrderChangeError(
                    .wrongState,
                    "order \(tradeID) is \(trade.state.rawValue) (\(trade.state.chineseName)); only allocated orders "
                        + "in a parcel without a waybill can be unmerged"
                )
            }
            let fulfilment = FulfilmentRecords(connection)
            let members = try fulfilment.tradeIDs(inShipment: shipmentID)
            guard members.count > 1, let shipment = try fulfilment.shipment(id: shipmentID, companyID: context.id)
            else { throw OrderChangeError(.wrongState, "order \(tradeID) is alone in its parcel") }
            let key = try fulfilment.mergeKey(ofShipment: shipmentID) ?? ""
            var placements = [ParcelPlacement(tradeID: members[0], shipmentID: shipmentID)]
            for member in members.dropFirst() {
                let own = try fulfilment.newShipment(
                    mergeKey: key,
                    warehouseID: shipment.warehouseID,
                    companyID: context.id
                )
                try fulfilment.move(allocatedTradeID: member, toShipment: own)
                placements.append(ParcelPlacement(tradeID: member, shipmentID: own))
            }
            for placement in placements {
                guard let member = try records.trade(id: placement.tradeID, companyID: context.id) else { continue }
                let before = ParcelSnapshot(state: member.state.rawValue, shipmentID: shipmentID)
                let after = ParcelSnapshot(state: member.state.rawValue, shipmentID: placement.shipmentID)
                try AuditLog.record(
                    "order.unmerge",
                    object: AuditObject(type: "order", id: String(member.id)),
                    before: before,
                    after: after,
                    by: actor,
                    at: now,
                    in: connection
                )
            }
            return placements
        }
    }

    private func record(
        _ action: String,
        _ trade: StoredTrade,
        shipmentID: Int64,
        by actor: AuditActor,
        at now: Int64,
        in connection: any DatabaseConnection
    ) throws {
        try AuditLog.record(
            action,
            object: AuditObject(type: "order", id: String(trade.id)),
            before: ParcelSnapshot(state: trade.state.rawValue, shipmentID: trade.shipmentID),
            after: ParcelSnapshot(state: TradeState.allocated.rawValue, shipmentID: shipmentID),
            by: actor,
            at: now,
            in: connection
        )
    }
}
