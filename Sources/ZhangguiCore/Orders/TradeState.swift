/// Where a trade stands on its way from the platform to the buyer.
public enum TradeState: String, Hashable, Sendable, Codable, CaseIterable {
    /// 待审核: imported, waiting for the automatic checks or a clerk.
    case pendingReview
    /// 挂起: held by one or more named reasons until someone releases it.
    case onHold
    /// 已审核: approved, with stock reserved in a chosen warehouse.
    case approved
    /// 已配货: put into a shipment (merged with the same receiver's other trades where possible).
    case allocated
    /// 已打单: the shipment has a waybill number.
    case waybilled
    /// 已发货: the parcel has left; stock, cost and revenue are booked.
    case shipped
    /// 已取消: cancelled by the buyer, the platform or the seller; nothing more happens to it.
    case cancelled

    /// The Chinese name sellers know the state by.
    public var chineseName: String {
        switch self {
        case .pendingReview: "待审核"
        case .onHold: "挂起"
        case .approved: "已审核"
        case .allocated: "已配货"
        case .waybilled: "已打单"
        case .shipped: "已发货"
        case .cancelled: "已取消"
        }
    }

    /// Whether reserved stock belongs to a trade in this state.
    public var holdsReservation: Bool {
        self == .approved || self == .allocated || self == .waybilled
    }
}

/// What can happen to a trade; each action names the state it leads to.
public enum TradeAction: String, Hashable, Sendable, CaseIterable {
    case approve
    case hold
    case release
    case allocate
    case waybill
    case ship
    case cancel
    /// Undo allocation or waybilling to change the trade (split, merge, re-pick the warehouse).
    case reopen
}

/// The allowed transitions, declared as data and checked in one place.
public enum TradeWorkflow {
    /// For each action, the states it may start from and the state it leads to.
    public static let transitions: [TradeAction: (from: Set<TradeState>, to: TradeState)] = [
        .approve: ([.pendingReview, .onHold], .approved),
        .hold: ([.pendingReview, .approved, .allocated, .waybilled, .onHold], .onHold),
        .release: ([.onHold], .pendingReview),
        .allocate: ([.approved], .allocated),
        .waybill: ([.allocated], .waybilled),
        .ship: ([.waybilled], .shipped),
        .cancel: ([.pendingReview, .onHold, .approved, .allocated, .waybilled], .cancelled),
        .reopen: ([.allocated, .waybilled], .approved),
    ]

    /// The state `action` leads to from `state`.
    /// - Throws: ``TradeTransitionError`` when the action is not allowed from `state`, such as shipping a trade
    ///   that has no waybill.
    public static func state(after action: TradeAction, from state: TradeState) throws(TradeTransitionError)
        -> TradeState
    {
        guard let rule = transitions[action], rule.from.contains(state) else {
            throw TradeTransitionError(action: action, state: state)
        }
        return rule.to
    }
}

/// A refused state change, such as shipping a trade still on hold.
public struct TradeTransitionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let action: TradeAction

    public init(action: TradeAction, state: TradeState) {
        self.action = action
        self.state = state
    }
    public let state: TradeState

    public var description: String {
        "cannot \(action.rawValue) a trade that is \(state.rawValue) (\(state.chineseName))"
    }
}
