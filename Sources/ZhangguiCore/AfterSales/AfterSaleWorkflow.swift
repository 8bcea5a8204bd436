/// The one place that says how an after-sales case may move: each kind's allowed transitions, as data.
///
/// ```
/// 仅退款   requested → agreed → refunded → closed
/// 退货退款 requested → agreed → awaitingReturn → received → refunded → closed
/// 换货     requested → agreed → awaitingReturn → received → reshipped → closed
/// 补发     requested → agreed → reshipped → closed
/// ```
/// A request may be refused while it waits for an answer, and withdrawn by the buyer until goods or money moved.
/// A return may be received straight after agreeing (the buyer sent it before being asked).
public enum AfterSaleWorkflow {
    /// One allowed move: `action` from any of `from`, for the kinds `kinds`.
    public struct Transition: Sendable {
        public let action: AfterSaleAction
        public let from: Set<AfterSaleState>
        public let kinds: Set<AfterSaleKind>
    }

    private static let every = Set(AfterSaleKind.allCases)
    private static let goodsBack: Set<AfterSaleKind> = [.returnAndRefund, .exchange]

    /// Every allowed transition.
    public static let transitions: [Transition] = [
        Transition(action: .agree, from: [.requested], kinds: every),
        Transition(action: .awaitReturn, from: [.agreed], kinds: goodsBack),
        Transition(action: .receive, from: [.agreed, .awaitingReturn], kinds: goodsBack),
        Transition(action: .refund, from: [.agreed], kinds: [.refundOnly]),
        Transition(action: .refund, from: [.received], kinds: [.returnAndRefund]),
        Transition(action: .reship, from: [.agreed], kinds: [.reship]),
        Transition(action: .reship, from: [.received], kinds: [.exchange]),
        Transition(action: .close, from: [.refunded, .reshipped], kinds: every),
        Transition(action: .refuse, from: [.requested], kinds: every),
        Transition(action: .cancel, from: [.requested, .agreed, .awaitingReturn], kinds: every),
    ]

    /// The state `action` leads a case of `kind` in `state` to.
    /// - Throws: ``AfterSaleError`` with code `illegalTransition`, naming the state, when the move is not allowed.
    public static func next(
        after action: AfterSaleAction,
        from state: AfterSaleState,
        kind: AfterSaleKind
    ) throws(AfterSaleError) -> AfterSaleState {
        let allowed = transitions.contains { $0.action == action && $0.from.contains(state) && $0.kinds.contains(kind) }
        guard allowed else {
            throw AfterSaleError(
                code: .illegalTransition,
                detail: "\(article(before: kind.rawValue)) \(kind.rawValue) case in state \(state.rawValue) "
                    + "(\(state.chineseName)) cannot \(action.rawValue)"
            )
        }
        return action.target
    }

    /// "an" before a word that starts with a vowel (an exchange), "a" otherwise (a reship).
    private static func article(before word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    /// The actions allowed for a case of `kind` in `state`, in the order of ``AfterSaleAction``.
    public static func actions(from state: AfterSaleState, kind: AfterSaleKind) -> [AfterSaleAction] {
        AfterSaleAction.allCases.filter { action in
            transitions.contains { $0.action == action && $0.from.contains(state) && $0.kinds.contains(kind) }
        }
    }
}

/// Why an after-sales request was refused.
public struct AfterSaleError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The action is not allowed from the case's state for its kind.
        case illegalTransition
        /// No such case, trade or line in the company.
        case notFound
        /// The trade has not shipped, so there is nothing to take back or refund after shipping.
        case notShipped
        /// A quantity is not between 1 and what is left of the line to return.
        case badQuantity
        /// A refund amount is negative or more than the lines sold for.
        case badAmount
        /// The case names no lines, or a line twice.
        case badLines
        /// The platform request is already a case.
        case duplicate
    }

    public let code: Code
    /// What was refused, with the state, line or amount involved; never personal data.
    public let detail: String

    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { detail }
}
