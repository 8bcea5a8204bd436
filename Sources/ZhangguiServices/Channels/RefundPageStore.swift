import ZhangguiCore
import ZhangguiStore

/// Stores one page of after-sales requests in the caller's transaction, and stops or flags the trades they concern.
///
/// Before shipping, an open request intercepts the trade (reservation back, held 退款中) and a refund that
/// succeeded for the whole order cancels it; after shipping, the trade is flagged for after-sales. A request not
/// newer than the stored one changes nothing.
struct RefundPageStore {
    let connection: any DatabaseConnection
    let context: CompanyContext
    let shop: ShopConnection

    /// Stores `refunds`; returns the counts and the problems of requests that could not be taken.
    func store(_ refunds: [PlatformRefund]) throws -> (counts: SyncCounts, problems: [String]) {
        var counts = SyncCounts()
        var problems: [String] = []
        let records = AfterSaleRecords(connection)
        for refund in refunds {
            guard !refund.refundID.isEmpty, !refund.platformOrderID.isEmpty else {
                counts.errors += 1
                problems.append("after-sales request '\(refund.refundID)' of order '\(refund.platformOrderID)': no id")
                continue
            }
            switch try records.store(refund, shopID: shop.shopID, companyID: context.id) {
            case .stale:
                counts.unchanged += 1
                continue
            case .new: counts.new += 1
            case .newer: counts.changed += 1
            }
            let (outcome, attention) = try apply(refund)
            try records.setOutcome(
                outcome,
                needsAttention: attention,
                refundID: refund.refundID,
                shopID: shop.shopID,
                companyID: context.id
            )
        }
        return (counts, problems)
    }

    private func apply(_ refund: PlatformRefund) throws -> (AfterSaleOutcome, needsAttention: Bool) {
        let trades = TradeRecords(connection, currency: context.currency)
        let parts = try trades.parts(
            platformOrderID: refund.platformOrderID,
            shopID: shop.shopID,
            companyID: context.id
        )
        guard !parts.isEmpty else { return (.noTrade, false) }
        let interceptor = TradeInterceptor(connection: connection, context: context)
        var outcome = AfterSaleOutcome.noAction
        var attention = false
        let isWhole = try coversWholeOrder(refund)
        for part in parts {
            switch (part.state, refund.status) {
            case (.cancelled, _): continue
            case (.shipped, .refused), (.shipped, .closed): continue
            case (.shipped, _):
                try trades.flagAfterSales(tradeID: part.id)
                outcome = .afterShipment
                attention = true
            case (_, .requested), (_, .awaitingReturn), (_, .returning):
                try trades.setRefundInProgress(true, tradeID: part.id)
                _ = try interceptor.intercept(tradeID: part.id, state: part.state, hold: OrderUpdateRules.refundHold)
                outcome = .intercepted
            case (_, .succeeded) where isWhole && refund.kind == .refundOnly:
                _ = try interceptor.cancel(tradeID: part.id, state: part.state)
                outcome = .cancelled
            case (_, .succeeded):
                _ = try interceptor.intercept(tradeID: part.id, state: part.state, hold: OrderUpdateRules.refundHold)
                outcome = .intercepted
            case (_, .refused), (_, .closed):
                // The hold stays for a clerk to release; review no longer sees a refund once none is open.
                if try !hasOtherOpenRequest(than: refund) { try trades.setRefundInProgress(false, tradeID: part.id) }
            }
        }
        return (outcome, attention)
    }

    /// Whether the request names no lines, or every line of the order as last synced.
    private func coversWholeOrder(_ refund: PlatformRefund) throws -> Bool {
        guard !refund.lineIDs.isEmpty else { return true }
        guard
            let reading = try PlatformOrderRecords(connection)
                .reading(platformOrderID: refund.platformOrderID, shopID: shop.shopID, companyID: context.id),
            let order = OrderPageStore.decode(reading)
        else { return false }
        return Set(order.lines.map(\.lineID)).isSubset(of: Set(refund.lineIDs))
    }

    private func hasOtherOpenRequest(than refund: PlatformRefund) throws -> Bool {
        try AfterSaleRecords(connection).forOrder(
            platformOrderID: refund.platformOrderID,
            shopID: shop.shopID,
            companyID: context.id,
            currency: context.currency
        ).contains { $0.refund.refundID != refund.refundID && $0.refund.status.isOpen }
    }
}
