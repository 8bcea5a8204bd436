/// Where an after-sales case (售后单) stands, in the words customer service uses.
///
/// The four kinds of ``AfterSaleKind`` walk different paths through these states; ``AfterSaleWorkflow`` holds the
/// paths as data.
public enum AfterSaleState: String, Hashable, Sendable, Codable, CaseIterable {
    /// 待处理: the buyer asked (or a clerk opened the case); nobody has answered yet.
    case requested
    /// 已同意: the seller agreed.
    case agreed
    /// 待退货: the buyer is to send the goods back.
    case awaitingReturn
    /// 已收到退货: the returned parcel was received into stock.
    case received
    /// 已退款: the money went back to the buyer; revenue and output VAT are reversed.
    case refunded
    /// 已补发: the replacement (exchange or reship) has an order of its own to ship.
    case reshipped
    /// 已完结: nothing more to do.
    case closed
    /// 已拒绝: the seller refused.
    case refused
    /// 买家已撤销: the buyer withdrew the request.
    case cancelled

    /// The Chinese name customer service knows the state by.
    public var chineseName: String {
        switch self {
        case .requested: "待处理"
        case .agreed: "已同意"
        case .awaitingReturn: "待退货"
        case .received: "已收到退货"
        case .refunded: "已退款"
        case .reshipped: "已补发"
        case .closed: "已完结"
        case .refused: "已拒绝"
        case .cancelled: "买家已撤销"
        }
    }

    /// Whether the case still waits for someone (and may be reminded about).
    public var isOpen: Bool {
        switch self {
        case .requested, .agreed, .awaitingReturn, .received, .refunded, .reshipped: true
        case .closed, .refused, .cancelled: false
        }
    }
}

/// What a person (or the platform) does to a case; each action is named after the state it leads to.
public enum AfterSaleAction: String, Hashable, Sendable, Codable, CaseIterable {
    /// 同意: agree to the request.
    case agree
    /// 等待退货: tell the buyer to send the goods back (return address given).
    case awaitReturn
    /// 收货: the returned parcel arrived and was counted into stock.
    case receive
    /// 退款: the money went back.
    case refund
    /// 补发: the replacement goes out as an order of its own.
    case reship
    /// 完结: close a case whose work is done.
    case close
    /// 拒绝: refuse the request.
    case refuse
    /// 撤销: the buyer withdrew.
    case cancel

    /// The state the action leads to.
    public var target: AfterSaleState {
        switch self {
        case .agree: .agreed
        case .awaitReturn: .awaitingReturn
        case .receive: .received
        case .refund: .refunded
        case .reship: .reshipped
        case .close: .closed
        case .refuse: .refused
        case .cancel: .cancelled
        }
    }
}

extension AfterSaleKind {
    /// Whether goods come back from the buyer (退货退款, 换货).
    public var takesGoodsBack: Bool { self == .returnAndRefund || self == .exchange }

    /// Whether money goes back to the buyer (仅退款, 退货退款).
    public var refundsMoney: Bool { self == .refundOnly || self == .returnAndRefund }

    /// Whether goods go out again (换货, 补发).
    public var sendsGoodsOut: Bool { self == .exchange || self == .reship }

    /// The Chinese name customer service knows the kind by.
    public var chineseName: String {
        switch self {
        case .refundOnly: "仅退款"
        case .returnAndRefund: "退货退款"
        case .exchange: "换货"
        case .reship: "补发"
        }
    }
}

/// Where a returned unit goes: back on sale, or held back as defective (次品), counted but not available.
public enum ReturnCondition: String, Hashable, Sendable, Codable, CaseIterable {
    /// 良品: back into available stock.
    case sellable
    /// 次品: into stock held back from sale (冻结), so it is never promised to an order.
    case defective
}
