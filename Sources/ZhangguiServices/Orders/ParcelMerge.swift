import ZhangguiCore
import ZhangguiStore

/// The checks and the target parcel of a merge, in the caller's transaction.
struct ParcelMerge {
    let connection: any DatabaseConnection
    let context: CompanyContext
    /// The orders to merge, as asked, each checked to exist, be mergeable and match the first.
    let trades: [StoredTrade]

    /// Loads the orders of a merge request and checks each against the first: 2 to 100 distinct orders of the
    /// company, each approved or allocated, of the same shop and to the same receiver.
    static func load(_ ids: [Int64], context: CompanyContext, connection: any DatabaseConnection) throws
        -> [StoredTrade]
    {
        guard (2...ParcelService.maximumOrders).contains(ids.count) else {
            throw OrderChangeError(
                .invalidRequest,
                field: "orders",
                "name from 2 to \(ParcelService.maximumOrders) orders to merge"
            )
        }
        let records = TradeRecords(connection, currency: context.currency)
        var trades: [StoredTrade] = []
        for (position, id) in ids.enumerated() {
            let field = "orders[\(position)]"
            guard !ids[..<position].contains(id) else {
                throw OrderChangeError(.invalidRequest, field: field, "order \(id) is named twice")
            }
            guard let trade = try records.trade(id: id, companyID: context.id) else {
                throw OrderChangeError.notFound(id, field: field)
            }
            try check(trade, against: trades.first, field: field)
            trades.append(trade)
        }
        return trades
    }

    private static func check(_ trade: StoredTrade, against first: StoredTrade?, field: String) throws {
        guard TradeWorkflow.mergeable.contains(trade.state) else {
            throw OrderChangeError(
                .wrongState,
                field: field,
                "order \(trade.id) is \(trade.state.rawValue) (\(trade.state.chineseName)); only approved or "
                    + "allocated orders without a waybill can be merged"
            )
        }
        guard let first else { return }
        guard trade.shopID == first.shopID else {
            throw OrderChangeError(
                .mismatch,
                field: field,
                "order \(trade.id) is of another shop than order \(first.id)"
            )
        }
        if let difference = first.receiver.firstDifference(from: trade.receiver) {
            throw OrderChangeError(
                .mismatch,
                field: difference,
                "order \(trade.id) goes to a different receiver than order \(first.id): \(difference) differs"
            )
        }
    }

    /// The warehouse every order has its stock reserved in.
    /// - Throws: ``OrderChangeError`` `.mismatch` naming the first order that ships from another.
    // Known limitation: orders reserved in different warehouses are refused rather than having one's reservations
    // moved to the other warehouse; that needs the other warehouse's stock checked and the planner's priorities
    // overridden, a decision left to the clerk (hold, then approve again).
    func commonWarehouse() throws -> Int64 {
        let fulfilment = FulfilmentRecords(connection)
        var common: Int64?
        for (position, trade) in trades.enumerated() {
            let warehouses = Set(try fulfilment.reservations(tradeID: trade.id).map(\.warehouseID))
            guard warehouses.count == 1, let warehouse = warehouses.first, common == nil || common == warehouse
            else {
                throw OrderChangeError(
                    .mismatch,
                    field: "orders[\(position)]",
                    "order \(trade.id) ships from another warehouse than order \(trades[0].id); split or hold and "
                        + "approve it again first"
                )
            }
            common = warehouse
        }
        return common ?? 0
    }

    /// The parcel the orders go into: the first allocated order's, or a new one.
    /// - Throws: ``OrderChangeError`` `.invalidRequest` when they share one parcel already.
    func target(warehouseID: Int64) throws -> Int64 {
        let parcels = Set(trades.map(\.shipmentID))
        if parcels.count == 1, let shared = parcels.first, let shipmentID = shared {
            throw OrderChangeError(
                .invalidRequest,
                field: "orders",
                "the orders already share parcel \(shipmentID)"
            )
        }
        if let shipmentID = trades.lazy.compactMap(\.shipmentID).first { return shipmentID }
        return try FulfilmentRecords(connection).newShipment(
            mergeKey: AllocationService.mergeKey(trades[0]),
            warehouseID: warehouseID,
            companyID: context.id
        )
    }
}
