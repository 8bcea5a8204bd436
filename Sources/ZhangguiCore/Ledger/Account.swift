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
    /// 应付账款: what the company owes suppliers, here for goods received before their invoice (暂估入库).
    case payable
    /// 待处理财产损溢: goods found or lost whose cause the accountant has yet to decide.
    case pendingStockDifference
    /// 营业外支出: losses outside trading, such as damaged goods written off (报损).
    case nonOperatingExpense
    /// 销售费用: selling costs, such as samples given away to promote the goods.
    case sellingExpense
    /// 管理费用: the company's own running costs, such as goods taken for internal use (领用).
    case administrativeExpense
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
        case (.payable, _): ("2202", "应付账款")
        case (.pendingStockDifference, _): ("1901", "待处理财产损溢")
        case (.nonOperatingExpense, .smallEnterprise): ("5711", "营业外支出")
        case (.nonOperatingExpense, .enterprise): ("6711", "营业外支出")
        case (.sellingExpense, .smallEnterprise): ("5601", "销售费用")
        case (.sellingExpense, .enterprise): ("6601", "销售费用")
        case (.administrativeExpense, .smallEnterprise): ("5602", "管理费用")
        case (.administrativeExpense, .enterprise): ("6602", "管理费用")
        }
    }
}
