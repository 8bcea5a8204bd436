public import ZhangguiCore
public import ZhangguiStore

/// What an ingest did.
public struct IntakeResult: Sendable, Equatable {
    public var received = 0
    /// New trades stored, waiting for review.
    public var imported = 0
    /// New trades stored already cancelled.
    public var cancelled = 0
    /// Trades the store had already: nothing changed.
    public var duplicates = 0

    public init() {}
}

/// Ingest (进单): stores trades from any source so that the same platform order is never stored twice.
public struct OrderIntake: Sendable {
    public init() {}

    /// Stores `trades` in the caller's transaction. A trade whose (shop, platform order id) exists already is
    /// skipped, so replaying a file or a page changes nothing. `handled` hears how many trades were dealt with so
    /// far, after each.
    public func ingest(
        _ trades: [Trade],
        source: String,
        context: CompanyContext,
        connection: any DatabaseConnection,
        handled: (Int) -> Void = { _ in }
    ) throws -> IntakeResult {
        var result = IntakeResult()
        var shopIDs: [String: Int64] = [:]
        let records = TradeRecords(connection, currency: context.currency)
        let catalog = try CatalogRecords(connection).index(companyID: context.id, currency: context.currency)
        for trade in trades {
            result.received += 1
            defer { handled(result.received) }
            let shopID =
                try shopIDs[trade.shopCode]
                ?? CompanyRecords(connection)
                .shopID(code: trade.shopCode, platform: "file", companyID: context.id)
            shopIDs[trade.shopCode] = shopID
            let origin = TradeOrigin(
                companyID: context.id,
                shopID: shopID,
                businessDate: context.calendar.day(of: trade.paidAt ?? trade.orderedAt),
                source: source
            )
            let state: TradeState = trade.isCancelled ? .cancelled : .pendingReview
            let skuIDs = trade.lines.map { catalog.entry(forMerchantCode: $0.merchantCode)?.id }
            guard try records.insert(trade, origin: origin, state: state, skuIDs: skuIDs) != nil else {
                result.duplicates += 1
                continue
            }
            if trade.isCancelled { result.cancelled += 1 } else { result.imported += 1 }
        }
        return result
    }
}
