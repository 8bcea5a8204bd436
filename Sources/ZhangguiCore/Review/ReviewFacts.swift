/// What the review needs to know about one line, gathered from the catalogue by the caller.
public struct LineFacts: Hashable, Sendable {
    /// 1-based line number, for hold details.
    public var lineNumber: Int
    public var merchantCode: String
    public var quantity: Int64
    /// What the line sold for after its share of the order discount.
    public var netAmount: Money
    /// The SKUs and quantities the line needs: itself, or a combo's components; empty when unmapped.
    public var components: [ComboComponent]
    /// The moving-average cost of the goods on the line, or nil when none is known yet.
    public var cost: Money?
    /// The list price of one unit, or nil when unmapped.
    public var listPrice: Money?

    public init(
        lineNumber: Int,
        merchantCode: String,
        quantity: Int64,
        netAmount: Money,
        components: [ComboComponent],
        cost: Money?,
        listPrice: Money?
    ) {
        self.lineNumber = lineNumber
        self.merchantCode = merchantCode
        self.quantity = quantity
        self.netAmount = netAmount
        self.components = components
        self.cost = cost
        self.listPrice = listPrice
    }

    public var isMapped: Bool { !components.isEmpty }
}

/// The outcome of checking the receiver's province, city and district against the division table.
public enum AddressCheck: Hashable, Sendable {
    /// A real division, with its 6-digit code.
    case valid(divisionCode: String)
    /// Not a real division: which field is wrong and why.
    case invalid(field: String, detail: String)
}

/// Everything the automatic review looks at for one trade.
public struct ReviewFacts: Hashable, Sendable {
    public var lines: [LineFacts]
    /// Available stock per SKU code, summed over the warehouses that may ship the trade.
    public var available: [String: Int64]
    public var address: AddressCheck
    public var paidAmount: Money
    public var phone: String
    public var buyerNote: String
    public var sellerMemo: String
    public var hasRefundInProgress: Bool
    /// Whether the buyer has paid.
    public var isPaid: Bool
    /// How many warehouses serve the receiver's division; `available` sums over them.
    public var servingWarehouses: Int

    public init(
        lines: [LineFacts],
        available: [String: Int64],
        address: AddressCheck,
        paidAmount: Money,
        phone: String,
        buyerNote: String,
        sellerMemo: String,
        hasRefundInProgress: Bool,
        isPaid: Bool = true,
        servingWarehouses: Int = 1
    ) {
        self.lines = lines
        self.available = available
        self.address = address
        self.paidAmount = paidAmount
        self.phone = phone
        self.buyerNote = buyerNote
        self.sellerMemo = sellerMemo
        self.hasRefundInProgress = hasRefundInProgress
        self.isPaid = isPaid
        self.servingWarehouses = servingWarehouses
    }

    /// Units needed per SKU code over all mapped lines, combos expanded.
    public var demand: [String: Int64] {
        var needed: [String: Int64] = [:]
        for line in lines {
            for component in line.components { needed[component.skuCode, default: 0] += component.quantity }
        }
        return needed
    }
}
