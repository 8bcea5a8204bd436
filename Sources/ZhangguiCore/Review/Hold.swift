/// Why a trade is held back from shipping (挂起原因).
public enum HoldReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// A line's 商家编码 matches no SKU or combo (未匹配商品).
    case unmappedSKU = "unmapped_sku"
    /// Not enough available stock in all warehouses together (缺货).
    case stockShortage = "stock_shortage"
    /// The price paid is below what the goods cost (低于成本).
    case priceBelowCost = "price_below_cost"
    /// The price paid is below the configured share of the list price (价格异常).
    case priceBelowListShare = "price_below_list_share"
    /// Province, city or district is not a real division (地址异常).
    case invalidAddress = "invalid_address"
    /// The phone number is not a mainland mobile, landline or masked number (电话异常).
    case invalidPhone = "invalid_phone"
    /// The buyer left a note (买家留言).
    case buyerNote = "buyer_note"
    /// The seller wrote a memo (卖家备注).
    case sellerMemo = "seller_memo"
    /// A refund is in progress on the platform (退款中).
    case refundInProgress = "refund_in_progress"
    /// The buyer has not paid (未付款); a clerk may still approve, say for cash on delivery.
    case unpaid
    /// A clerk held it by hand (手工挂起).
    case manual

    /// The Chinese name a clerk sees.
    public var chineseName: String {
        switch self {
        case .unmappedSKU: "未匹配商品"
        case .stockShortage: "缺货"
        case .priceBelowCost: "低于成本"
        case .priceBelowListShare: "价格异常"
        case .invalidAddress: "地址异常"
        case .invalidPhone: "电话异常"
        case .buyerNote: "买家留言"
        case .sellerMemo: "卖家备注"
        case .refundInProgress: "退款中"
        case .unpaid: "未付款"
        case .manual: "手工挂起"
        }
    }

    /// Whether a clerk may approve the trade while this reason stands. Unmapped lines and missing stock can't be
    /// waived: there is nothing to reserve.
    public var canBeOverridden: Bool {
        self != .unmappedSKU && self != .stockShortage
    }
}

/// One reason a trade is held, with the check that raised it and a detail for the clerk.
public struct Hold: Hashable, Sendable, Codable {
    public var reason: HoldReason
    /// The name of the check that raised it, such as `sku-mapping` or `address`, or `manual`.
    public var check: String
    /// What exactly is wrong, such as `line 2: 8 needed, 5 available`; never personal data.
    public var detail: String

    public init(reason: HoldReason, check: String, detail: String) {
        self.reason = reason
        self.check = check
        self.detail = detail
    }
}
