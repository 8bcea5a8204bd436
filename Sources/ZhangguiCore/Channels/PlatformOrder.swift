/// One line of an order as its platform reports it (子订单 / SKU order).
public struct PlatformOrderLine: Hashable, Sendable, Codable {
    /// The platform's id of this line (TOP `oid`, 抖店 SKU-order id); the SKU id where lines have none of their own
    /// (PDD, JD, 快手, XHS), as shipments and refunds there name lines by SKU.
    public var lineID: String
    /// The platform's product id (TOP `num_iid`, PDD `goods_id`, 抖店 `product_id`).
    public var itemID: String
    /// The platform's SKU id.
    public var skuID: String
    /// 商家编码 of the SKU as the seller entered it on the platform; empty when the listing has none.
    public var outerID: String
    public var title: String
    public var quantity: Int64
    /// Unit price before discounts, VAT included.
    public var unitPrice: Money
    /// The seller's discount on this line (adjustments included).
    public var discount: Money
    /// Whether this line has an after-sales request open.
    public var hasOpenRefund: Bool

    public init(
        lineID: String,
        itemID: String,
        skuID: String,
        outerID: String,
        title: String,
        quantity: Int64,
        unitPrice: Money,
        discount: Money = .zero(),
        hasOpenRefund: Bool = false
    ) {
        self.lineID = lineID
        self.itemID = itemID
        self.skuID = skuID
        self.outerID = outerID
        self.title = title
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discount = discount
        self.hasOpenRefund = hasOpenRefund
    }
}

/// An order as a platform reports it at one moment. The same order arrives again each time it changes on the
/// platform; the version with the newest ``modifiedAtMillis`` wins.
///
/// Personal data: the receiver is stored as the platform gives it (masked values, encrypted ids) and never logged.
public struct PlatformOrder: Hashable, Sendable, Codable {
    /// The platform's order number (TOP `tid`, PDD `order_sn`, 抖店 `order_id`, …).
    public var platformOrderID: String
    public var status: PlatformOrderStatus
    /// The platform forbids shipping for now (TOP PAID_FORBID_CONSIGN, PDD group not yet formed, JD LOCKED).
    public var isHeldByPlatform: Bool
    public var createdAtMillis: Int64
    public var paidAtMillis: Int64?
    /// When the platform last changed the order, in UTC milliseconds.
    public var modifiedAtMillis: Int64
    public var receiver: Receiver
    /// The platform's opaque handle for the receiver (TOP `oaid`, XHS `openAddressId`); empty when none.
    public var receiverOpenID: String
    public var lines: [PlatformOrderLine]
    /// Order-level seller discount, spread over the lines by amount.
    public var discount: Money
    public var freight: Money
    /// What the buyer paid, as the platform states it.
    public var paid: Money
    public var buyerNote: String
    public var sellerMemo: String
    /// The order exactly as received (JSON), kept beside the trade for audits and re-parsing.
    public var rawPayload: String

    public init(
        platformOrderID: String,
        status: PlatformOrderStatus,
        isHeldByPlatform: Bool = false,
        createdAtMillis: Int64,
        paidAtMillis: Int64?,
        modifiedAtMillis: Int64,
        receiver: Receiver,
        receiverOpenID: String = "",
        lines: [PlatformOrderLine],
        discount: Money = .zero(),
        freight: Money = .zero(),
        paid: Money,
        buyerNote: String = "",
        sellerMemo: String = "",
        rawPayload: String = ""
    ) {
        self.platformOrderID = platformOrderID
        self.status = status
        self.isHeldByPlatform = isHeldByPlatform
        self.createdAtMillis = createdAtMillis
        self.paidAtMillis = paidAtMillis
        self.modifiedAtMillis = modifiedAtMillis
        self.receiver = receiver
        self.receiverOpenID = receiverOpenID
        self.lines = lines
        self.discount = discount
        self.freight = freight
        self.paid = paid
        self.buyerNote = buyerNote
        self.sellerMemo = sellerMemo
        self.rawPayload = rawPayload
    }
}

/// The kinds of after-sales request (售后) every platform knows in some form.
public enum AfterSaleKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// 仅退款: money back, goods stay with the buyer (or were never shipped).
    case refundOnly
    /// 退货退款: goods come back, then the money.
    case returnAndRefund
    /// 换货: goods come back, others go out.
    case exchange
    /// 补发: goods go out again, nothing comes back.
    case reship
}

/// Where an after-sales request stands, mapped from each platform's codes.
public enum AfterSaleStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// The buyer asked; the seller has not answered.
    case requested
    /// The seller agreed; the buyer is to send goods back.
    case awaitingReturn
    /// The buyer sent goods back; the seller is to receive them.
    case returning
    /// Money went back to the buyer (or the exchange / reship finished).
    case succeeded
    /// The seller refused.
    case refused
    /// Withdrawn by the buyer or closed by the platform without a refund.
    case closed

    /// Whether the request still blocks shipping and needs someone's attention.
    public var isOpen: Bool {
        switch self {
        case .requested, .awaitingReturn, .returning: true
        case .succeeded, .refused, .closed: false
        }
    }
}

/// An after-sales request as a platform reports it; newer versions replace older ones by ``modifiedAtMillis``.
public struct PlatformRefund: Hashable, Sendable, Codable {
    public var refundID: String
    public var platformOrderID: String
    /// The order lines concerned; empty when the request covers the whole order.
    public var lineIDs: [String]
    public var kind: AfterSaleKind
    public var status: AfterSaleStatus
    public var amount: Money
    public var reason: String
    public var createdAtMillis: Int64
    public var modifiedAtMillis: Int64
    /// The tracking number of the parcel the buyer sent back, when known.
    public var returnTrackingNumber: String
    public var rawPayload: String

    public init(
        refundID: String,
        platformOrderID: String,
        lineIDs: [String] = [],
        kind: AfterSaleKind,
        status: AfterSaleStatus,
        amount: Money,
        reason: String = "",
        createdAtMillis: Int64,
        modifiedAtMillis: Int64,
        returnTrackingNumber: String = "",
        rawPayload: String = ""
    ) {
        self.refundID = refundID
        self.platformOrderID = platformOrderID
        self.lineIDs = lineIDs
        self.kind = kind
        self.status = status
        self.amount = amount
        self.reason = reason
        self.createdAtMillis = createdAtMillis
        self.modifiedAtMillis = modifiedAtMillis
        self.returnTrackingNumber = returnTrackingNumber
        self.rawPayload = rawPayload
    }
}
