/// How a company chooses couriers: its rules by priority, then each shop's default account, then the company's.
public struct CourierRuleBook: Hashable, Sendable {
    public var rules: [CourierRule]
    /// The account a shop's parcels take when no rule holds, by shop id.
    public var shopDefaults: [Int64: String]
    /// The account every other parcel takes; nil when the company has none.
    public var companyDefault: String?

    public init(rules: [CourierRule] = [], shopDefaults: [Int64: String] = [:], companyDefault: String? = nil) {
        self.rules = rules
        self.shopDefaults = shopDefaults
        self.companyDefault = companyDefault
    }

    /// The account for `parcel` and why it was chosen; nil when no rule holds and there is no default, so the
    /// parcel waits.
    public func choose(for parcel: ParcelFacts) -> CourierChoice? {
        let ordered = rules.sorted { $0.priority < $1.priority }
        if let rule = ordered.first(where: { $0.admits(parcel) }) {
            return CourierChoice(
                accountCode: rule.accountCode,
                reason: "\(rule.title): \(rule.conditions)"
            )
        }
        if let account = shopDefaults[parcel.shopID] {
            return CourierChoice(accountCode: account, reason: "default of shop \(parcel.shopID)")
        }
        if let companyDefault {
            return CourierChoice(accountCode: companyDefault, reason: "company default")
        }
        return nil
    }
}

/// The courier account chosen for a parcel, with the reason a person reads (`rule 10 南方小件: province 广东省`).
public struct CourierChoice: Hashable, Sendable {
    public let accountCode: String
    public let reason: String

    public init(accountCode: String, reason: String) {
        self.accountCode = accountCode
        self.reason = reason
    }
}
