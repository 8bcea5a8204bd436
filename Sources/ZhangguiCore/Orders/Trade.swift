/// The person and place a parcel goes to, as the platform or file gave them.
///
/// Personal data: never log any field of this type.
public struct Receiver: Hashable, Sendable, Codable {
    public var name: String
    public var phone: String
    public var province: String
    public var city: String
    public var district: String
    public var address: String

    public init(name: String, phone: String, province: String, city: String, district: String, address: String) {
        self.name = name
        self.phone = phone
        self.province = province
        self.city = city
        self.district = district
        self.address = address
    }
}

/// One line of a trade: a platform SKU, how many, and at what price.
public struct TradeLine: Hashable, Sendable, Codable {
    /// 商家编码 as the order carries it; review maps it to our SKU or combo.
    public var merchantCode: String
    public var name: String
    public var quantity: Int64
    /// Unit price the buyer was charged before the order-level discount, VAT included.
    public var unitPrice: Money
    /// Line-level discount.
    public var discount: Money

    public init(merchantCode: String, name: String = "", quantity: Int64, unitPrice: Money, discount: Money = .zero()) {
        self.merchantCode = merchantCode
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discount = discount
    }

    /// Unit price × quantity − line discount.
    public var amount: Money { unitPrice.times(quantity) - discount }
}

/// 订单: a buyer's order from one shop, as it arrives, before it is split or merged.
public struct Trade: Hashable, Sendable, Codable {
    /// The platform's order number (订单编号), unique within a shop.
    public var platformOrderID: String
    public var shopCode: String
    /// When the buyer placed the order, in UTC seconds since 1970.
    public var orderedAt: Int64
    /// When the buyer paid, in UTC seconds since 1970; nil for unpaid orders.
    public var paidAt: Int64?
    public var receiver: Receiver
    public var lines: [TradeLine]
    /// Order-level discount (优惠), spread over the lines by amount.
    public var discount: Money
    /// 运费 the buyer paid.
    public var freight: Money
    /// 买家留言.
    public var buyerNote: String
    /// 卖家备注.
    public var sellerMemo: String
    /// Whether the platform reports a refund in progress.
    public var hasRefundInProgress: Bool
    /// Whether the order arrived cancelled (such as a credit-note invoice in an export file).
    public var isCancelled: Bool

    public init(
        platformOrderID: String,
        shopCode: String,
        orderedAt: Int64,
        paidAt: Int64?,
        receiver: Receiver,
        lines: [TradeLine],
        discount: Money = .zero(),
        freight: Money = .zero(),
        buyerNote: String = "",
        sellerMemo: String = "",
        hasRefundInProgress: Bool = false,
        isCancelled: Bool = false
    ) {
        self.platformOrderID = platformOrderID
        self.shopCode = shopCode
        self.orderedAt = orderedAt
        self.paidAt = paidAt
        self.receiver = receiver
        self.lines = lines
        self.discount = discount
        self.freight = freight
        self.buyerNote = buyerNote
        self.sellerMemo = sellerMemo
        self.hasRefundInProgress = hasRefundInProgress
        self.isCancelled = isCancelled
    }

    /// The lines' amounts less the order discount: what the goods were sold for.
    public var goodsAmount: Money { lines.map(\.amount).sum(currency: discount.currency) - discount }

    /// What the buyer paid: goods plus freight.
    public var paidAmount: Money { goodsAmount + freight }

    /// Each line's share of what the goods were sold for, the order discount spread by largest remainder.
    public var lineNetAmounts: [Money] {
        let shares = discount.spread(over: lines.map { max(0, $0.amount.fen) })
        return zip(lines, shares).map { $0.amount - $1 }
    }
}
