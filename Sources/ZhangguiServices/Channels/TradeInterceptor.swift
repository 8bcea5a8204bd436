import ZhangguiCore
import ZhangguiStore

/// Applies what a platform change means to one of our trades, in the caller's transaction (the sync page's).
///
/// Interception (拦截) is atomic with the page: the reservation goes back through the stock book, the trade leaves
/// its shipment and moves to 挂起 with its reason, all before the page commits. Waybilling takes only allocated
/// trades and shipping only waybilled ones, each checking the state in its own transaction, so once the page has
/// committed neither touches the trade; if shipping committed first, the trade is shipped and the change flags it
/// for after-sales instead.
struct TradeInterceptor {
    let connection: any DatabaseConnection
    let context: CompanyContext

    /// Applies `reaction` to the trade `tradeID`, now in `state`, and returns the state it is in afterwards.
    func apply(_ reaction: TradeReaction, tradeID: Int64, state: TradeState) throws -> TradeState {
        let trades = TradeRecords(connection, currency: context.currency)
        switch reaction {
        case .create, .skip:
            return state
        case .updateNotes(let buyerNote, let sellerMemo):
            try trades.updateNotes(buyerNote: buyerNote, sellerMemo: sellerMemo, tradeID: tradeID)
            return state
        case .setRefundFlag(let value):
            try trades.setRefundInProgress(value, tradeID: tradeID)
            return state
        case .intercept(let hold):
            return try intercept(tradeID: tradeID, state: state, hold: hold)
        case .cancel:
            return try cancel(tradeID: tradeID, state: state)
        case .flagAfterSales:
            try trades.flagAfterSales(tradeID: tradeID)
            return state
        }
    }

    /// Holds the trade with `hold`, giving back its reservation; a trade already held for the same reason by the
    /// same check gets no second hold.
    func intercept(tradeID: Int64, state: TradeState, hold: Hold) throws -> TradeState {
        guard (try? TradeWorkflow.state(after: .hold, from: state)) != nil else { return state }
        let holds = HoldRecords(connection)
        if state == .onHold,
            try holds.open(tradeID: tradeID).contains(where: { $0.reason == hold.reason && $0.check == hold.check })
        {
            return state
        }
        if state.holdsReservation {
            try ReservationRelease(connection: connection, context: context).release(tradeID: tradeID)
        }
        try holds.add([hold], tradeID: tradeID, companyID: context.id)
        try TradeRecords(connection, currency: context.currency).move(tradeID: tradeID, by: .hold, from: state)
        return .onHold
    }

    /// Cancels the trade before it ships, giving back its reservation and closing its holds.
    func cancel(tradeID: Int64, state: TradeState) throws -> TradeState {
        guard (try? TradeWorkflow.state(after: .cancel, from: state)) != nil else { return state }
        if state.holdsReservation {
            try ReservationRelease(connection: connection, context: context).release(tradeID: tradeID)
        }
        try HoldRecords(connection).releaseAll(tradeID: tradeID)
        try TradeRecords(connection, currency: context.currency).move(tradeID: tradeID, by: .cancel, from: state)
        return .cancelled
    }
}
