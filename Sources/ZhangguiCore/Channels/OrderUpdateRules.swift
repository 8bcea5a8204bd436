/// What the sync does to our side when a platform order arrives in a version newer than the one stored.
public enum TradeReaction: Hashable, Sendable {
    /// Store a new trade waiting for review; any `holds` put it on hold at once.
    case create(holds: [Hold])
    /// Store no trade, for this reason; a later version may still create one.
    case skip(SkipReason)
    /// Take the platform's buyer note (买家留言) and seller memo (卖家备注).
    case updateNotes(buyerNote: String, sellerMemo: String)
    /// Record whether a refund is open on the platform, which review holds for.
    case setRefundFlag(Bool)
    /// Stop the trade before it ships (拦截): its reservation is given back, it leaves its shipment and is held
    /// with this reason, so waybilling and shipping no longer take it.
    case intercept(Hold)
    /// Cancel the trade: the platform closed it or refunded it in full before it shipped.
    case cancel
    /// The trade has shipped: mark it for after-sales (售后).
    case flagAfterSales
}

/// Why a platform order has no trade.
public enum SkipReason: String, Hashable, Sendable, CaseIterable {
    /// Not paid yet: it becomes a trade when a paid version arrives.
    case unpaid
    /// Shipped outside Zhanggui (from the platform's own back office) before we saw it.
    case shippedElsewhere
    /// Closed or refunded before we saw it paid.
    case closed
}

/// The rules that turn a newer version of a platform order into changes of our trade, written as data a clerk can
/// read and tested without a database (docs/SYNC.md lists them).
///
/// Lines, amounts and the receiver of a stored trade are never rewritten from the platform: stock and money were
/// worked out from them. A change to any of them before shipping holds the trade for a clerk instead.
public enum OrderUpdateRules {
    /// The hold a platform-side shipping block raises.
    public static let platformHold = Hold(reason: .manual, check: "platform", detail: "the platform forbids shipping")
    /// The hold an open refund before shipping raises.
    public static let refundHold = Hold(
        reason: .refundInProgress,
        check: "platform-intercept",
        detail: "refund requested on the platform before shipping"
    )

    /// What to do when `incoming` is newer than `previous` (nil when no version was stored) and our trade is in
    /// `tradeState` (nil when there is none).
    public static func reactions(to incoming: PlatformOrder, previous: PlatformOrder?, tradeState: TradeState?)
        -> [TradeReaction]
    {
        guard let state = tradeState else { return firstSight(of: incoming) }
        switch state {
        case .cancelled: return []
        case .shipped: return isRefunding(incoming) || incoming.status == .refunded ? [.flagAfterSales] : []
        case .pendingReview, .onHold, .approved, .allocated, .waybilled:
            return beforeShipping(incoming, previous: previous, state: state)
        }
    }

    /// Whether the order has a refund open, on the whole order or on a line.
    public static func isRefunding(_ order: PlatformOrder) -> Bool {
        order.status == .refunding || order.lines.contains(where: \.hasOpenRefund)
    }

    private static func firstSight(of order: PlatformOrder) -> [TradeReaction] {
        switch order.status {
        case .pendingPayment: return [.skip(.unpaid)]
        case .shipped, .delivered: return [.skip(.shippedElsewhere)]
        case .closed, .refunded: return [.skip(.closed)]
        case .awaitingShipment, .refunding: return [.create(holds: order.isHeldByPlatform ? [platformHold] : [])]
        }
    }

    private static func beforeShipping(_ incoming: PlatformOrder, previous: PlatformOrder?, state: TradeState)
        -> [TradeReaction]
    {
        switch incoming.status {
        case .closed, .refunded: return [.cancel]
        case .shipped, .delivered:
            return [.intercept(Hold(reason: .manual, check: "platform-change", detail: "shipped outside Zhanggui"))]
        case .pendingPayment, .awaitingShipment, .refunding: break
        }
        var reactions: [TradeReaction] = []
        let wasRefunding = previous.map(isRefunding) ?? false
        if isRefunding(incoming), !wasRefunding {
            reactions += [.setRefundFlag(true), .intercept(refundHold)]
        } else if !isRefunding(incoming), wasRefunding {
            reactions.append(.setRefundFlag(false))
        }
        if incoming.isHeldByPlatform, previous?.isHeldByPlatform != true {
            reactions.append(.intercept(platformHold))
        }
        guard let previous else { return reactions }
        return reactions + noteChanges(incoming, previous: previous, state: state) + contentChanges(incoming, previous)
    }

    private static func noteChanges(_ incoming: PlatformOrder, previous: PlatformOrder, state: TradeState)
        -> [TradeReaction]
    {
        let buyerChanged = incoming.buyerNote != previous.buyerNote
        let memoChanged = incoming.sellerMemo != previous.sellerMemo
        guard buyerChanged || memoChanged else { return [] }
        var reactions: [TradeReaction] = [.updateNotes(buyerNote: incoming.buyerNote, sellerMemo: incoming.sellerMemo)]
        // Approved trades were checked with the old notes: a new one may change what ships.
        if state.holdsReservation {
            let hold =
                memoChanged
                ? Hold(reason: .sellerMemo, check: "platform-change", detail: "seller memo changed after approval")
                : Hold(reason: .buyerNote, check: "platform-change", detail: "buyer note changed after approval")
            reactions.append(.intercept(hold))
        }
        return reactions
    }

    private static func contentChanges(_ incoming: PlatformOrder, _ previous: PlatformOrder) -> [TradeReaction] {
        var reactions: [TradeReaction] = []
        if lineKeys(incoming) != lineKeys(previous) || incoming.discount != previous.discount
            || incoming.freight != previous.freight
        {
            reactions.append(
                .intercept(Hold(reason: .manual, check: "platform-change", detail: "lines changed on the platform"))
            )
        }
        if incoming.receiver != previous.receiver || incoming.receiverOpenID != previous.receiverOpenID {
            reactions.append(
                .intercept(Hold(reason: .manual, check: "platform-change", detail: "receiver changed on the platform"))
            )
        }
        return reactions
    }

    private static func lineKeys(_ order: PlatformOrder) -> [String] {
        order.lines.map { "\($0.lineID)|\($0.skuID)|\($0.quantity)|\($0.unitPrice.fen)|\($0.discount.fen)" }
    }
}
