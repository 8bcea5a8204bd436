/// What an account is used for, independent of its code in a particular chart (科目用途).
public enum AccountRole: String, Hashable, Sendable, Codable, CaseIterable {
    /// 应收账款: money the platform owes the shop for shipped orders.
    case receivable
    /// 主营业务收入.
    case salesRevenue
    /// 应交增值税(销项税额).
    case outputVAT
    /// 主营业务成本.
    case costOfGoodsSold
    /// 库存商品.
    case inventory
    /// 实收资本: the counter-entry of opening stock brought into the books.
    case openingEquity
}

/// The accounting standard a company keeps its books under, which decides account codes.
public enum AccountingStandard: String, Hashable, Sendable, Codable {
    /// 小企业会计准则: equity 3xxx, profit and loss 5xxx.
    case smallEnterprise
    /// 企业会计准则: equity 4xxx, profit and loss 6xxx.
    case enterprise

    /// The leaf account code and name used for `role`.
    public func account(for role: AccountRole) -> (code: String, name: String) {
        switch (role, self) {
        case (.receivable, _): ("1122", "应收账款")
        case (.outputVAT, _): ("22210106", "应交税费—应交增值税(销项税额)")
        case (.inventory, _): ("1405", "库存商品")
        case (.salesRevenue, .smallEnterprise): ("5001", "主营业务收入")
        case (.salesRevenue, .enterprise): ("6001", "主营业务收入")
        case (.costOfGoodsSold, .smallEnterprise): ("5401", "主营业务成本")
        case (.costOfGoodsSold, .enterprise): ("6401", "主营业务成本")
        case (.openingEquity, .smallEnterprise): ("3001", "实收资本")
        case (.openingEquity, .enterprise): ("4001", "实收资本")
        }
    }
}
