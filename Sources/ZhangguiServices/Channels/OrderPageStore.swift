import Foundation
import ZhangguiCore
import ZhangguiStore

/// Stores one page of platform orders in the caller's transaction: the newest version of each order with its raw
/// payload, a new trade for review where the rules say so, and the rules' changes to trades stored before.
///
/// A version not newer than the stored one changes nothing, so a replayed page, an overlapping window or an older
/// version arriving late leaves every row as it was.
struct OrderPageStore {
    let connection: any DatabaseConnection
    let context: CompanyContext
    let shop: ShopConnection

    /// Stores `orders`; returns the counts and the problems of orders that could not be taken (those are not
    /// stored, so a later version or a re-pull tries again).
    func store(_ orders: [PlatformOrder]) throws -> (counts: SyncCounts, problems: [String]) {
        let catalog = try CatalogRecords(connection).index(companyID: context.id, currency: context.currency)
        let hand = try PlatformSKURecords(connection).handMappings(shopID: shop.shopID, companyID: context.id)
        let mapper = SKUMapper(catalog: catalog, hand: hand)
        var counts = SyncCounts()
        var problems: [String] = []
        for order in orders {
            do {
                switch try store(order, mapper: mapper) {
                case .new: counts.new += 1
                case .newer: counts.changed += 1
                case .stale: counts.unchanged += 1
                }
            } catch let problem as PlatformOrderProblem {
                counts.errors += 1
                problems.append(problem.description)
            }
        }
        return (counts, problems)
    }

    private func store(_ order: PlatformOrder, mapper: SKUMapper) throws -> VersionOutcome {
        guard !order.platformOrderID.isEmpty else {
            throw PlatformOrderProblem(platformOrderID: "", detail: "no order id")
        }
        let versions = PlatformOrderRecords(connection)
        let stored = try versions.version(
            platformOrderID: order.platformOrderID,
            shopID: shop.shopID,
            companyID: context.id
        )
        if let stored, order.modifiedAtMillis <= stored.modifiedAtMillis { return .stale }
        let trades = TradeRecords(connection, currency: context.currency)
        let parts = try trades.parts(platformOrderID: order.platformOrderID, shopID: shop.shopID, companyID: context.id)
        let previous = try versions.reading(
            platformOrderID: order.platformOrderID,
            shopID: shop.shopID,
            companyID: context.id
        )
        .flatMap(Self.decode)
        let resolutions = order.lines.map(mapper.resolve)
        if parts.isEmpty,
            case .create(let holds) = OrderUpdateRules.reactions(to: order, previous: previous, tradeState: nil).first
        {
            let trade = try order.trade(shopCode: shop.shopCode, merchantCodes: resolutions.map(\.code))
            try create(trade, from: order, skuIDs: resolutions.map(\.skuID), holds: holds)
        }
        let interceptor = TradeInterceptor(connection: connection, context: context)
        for part in parts {
            var state = part.state
            for reaction in OrderUpdateRules.reactions(to: order, previous: previous, tradeState: part.state) {
                state = try interceptor.apply(reaction, tradeID: part.id, state: state)
            }
        }
        try see(order.lines, resolutions)
        return try versions.store(order, reading: Self.reading(of: order), shopID: shop.shopID, companyID: context.id)
            .outcome
    }

    private func create(_ trade: Trade, from order: PlatformOrder, skuIDs: [Int64?], holds: [Hold]) throws {
        let origin = TradeOrigin(
            companyID: context.id,
            shopID: shop.shopID,
            businessDate: context.calendar.day(of: trade.paidAt ?? trade.orderedAt),
            source: "sync:\(shop.platform.rawValue)"
        )
        let records = TradeRecords(connection, currency: context.currency)
        guard let id = try records.insert(trade, origin: origin, state: .pendingReview, skuIDs: skuIDs) else { return }
        let allHolds = holds + (order.paymentMismatch(of: trade).map { [$0] } ?? [])
        guard !allHolds.isEmpty else { return }
        try HoldRecords(connection).add(allHolds, tradeID: id, companyID: context.id)
        try records.move(tradeID: id, by: .hold, from: .pendingReview)
    }

    /// Records the listing SKUs the lines name, with their automatic mapping.
    private func see(_ lines: [PlatformOrderLine], _ resolutions: [SKUMapper.Resolution]) throws {
        let records = PlatformSKURecords(connection)
        for (line, resolution) in zip(lines, resolutions) {
            try records.see(
                itemID: line.itemID,
                skuID: line.skuID,
                outerID: line.outerID,
                title: line.title,
                automatic: resolution.automatic,
                shopID: shop.shopID,
                companyID: context.id
            )
        }
    }

    /// Our reading of an order as stored beside its raw payload: the order as JSON, without the payload itself.
    static func reading(of order: PlatformOrder) throws -> String {
        var copy = order
        copy.rawPayload = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(copy), as: UTF8.self)
    }

    static func decode(_ reading: String) -> PlatformOrder? {
        try? JSONDecoder().decode(PlatformOrder.self, from: Data(reading.utf8))
    }
}
