/// The two kinds of stock document a clerk writes by hand.
public enum StockNoteKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 入库单: goods come into a warehouse at a stated unit cost, which joins the moving average.
    case receipt
    /// 出库单: goods leave a warehouse for a reason other than a sale, at the moving-average cost.
    case issue

    /// The letters before a document's number: RK (入库) or CK (出库).
    public var numberPrefix: String {
        switch self {
        case .receipt: "RK"
        case .issue: "CK"
        }
    }

    /// The name on the paper form.
    public var chineseName: String {
        switch self {
        case .receipt: "入库单"
        case .issue: "出库单"
        }
    }

    /// The reasons a document of this kind may give.
    public var reasons: [StockNoteReason] {
        switch self {
        case .receipt: [.purchase, .other]
        case .issue: [.damaged, .sample, .internalUse, .other]
        }
    }

    /// The number of the `sequence`-th document of this kind, such as `RK-000042`.
    public func number(_ sequence: Int64) -> String {
        let digits = String(sequence)
        return numberPrefix + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}

/// Why goods came in or went out, which decides the account on the other side of inventory.
///
/// The raw values are stored and sent over the API: never rename one.
public enum StockNoteReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// 采购入库 (无订单): goods from a supplier without a purchase order, booked as owed to the supplier at their
    /// cost without VAT until the invoice comes (暂估).
    case purchase
    /// 报损: damaged or expired goods written off.
    case damaged
    /// 样品: goods given away as samples.
    case sample
    /// 领用: goods taken for the company's own use.
    case internalUse
    /// 其他: goods found or lost for a cause still to be decided; booked to 待处理财产损溢 meanwhile.
    case other

    /// The account debited (issue) or credited (receipt) against inventory.
    public var counterAccount: AccountRole {
        switch self {
        case .purchase: .payable
        case .damaged: .nonOperatingExpense
        case .sample: .sellingExpense
        case .internalUse: .administrativeExpense
        case .other: .pendingStockDifference
        }
    }

    /// The reason as a clerk reads it on a document of `kind`.
    public func chineseName(for kind: StockNoteKind) -> String {
        switch (self, kind) {
        case (.purchase, _): "采购入库"
        case (.damaged, _): "报损"
        case (.sample, _): "样品"
        case (.internalUse, _): "领用"
        case (.other, .receipt): "其他入库"
        case (.other, .issue): "其他出库"
        }
    }
}
