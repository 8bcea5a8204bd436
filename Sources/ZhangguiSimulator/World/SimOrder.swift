public import ZhangguiCore

/// Where an order stands in the simulator, before each platform writes it in its own codes.
public enum SimOrderPhase: String, Sendable, Codable, CaseIterable {
    /// Created, not paid.
    case pendingPayment
    /// Paid, waiting for the seller to ship.
    case paid
    case shipped
    /// Received or finished.
    case delivered
    /// Closed: cancelled before payment, or closed after a full refund.
    case closed
}

/// One line of a simulated order.
public struct SimOrderLine: Sendable, Hashable, Codable {
    public var lineID: String
    public var itemID: String
    public var skuID: String
    /// 商家编码 of the SKU.
    public var outerID: String
    public var title: String
    public var quantity: Int64
    public var unitPriceFen: Int64
    /// The seller's discount on the line, in fen.
    public var discountFen: Int64

    public init(
        lineID: String = "",
        itemID: String,
        skuID: String,
        outerID: String,
        title: String,
        quantity: Int64,
        unitPriceFen: Int64,
        discountFen: Int64 = 0
    ) {
        self.lineID = lineID
        self.itemID = itemID
        self.skuID = skuID
        self.outerID = outerID
        self.title = title
        self.quantity = quantity
        self.unitPriceFen = unitPriceFen
        self.discountFen = discountFen
    }

    public var amountFen: Int64 { unitPriceFen * quantity }
    public var paidFen: Int64 { amountFen - discountFen }
}

/// A receiver of a simulated order. Always made up (names start with 示例); the gateways hand it out only masked
/// or as ciphertext, the way each platform does.
public struct SimReceiver: Sendable, Hashable, Codable {
    public var name: String
    public var phone: String
    public var province: String
    public var city: String
    public var district: String
    public var detail: String

    public init(name: String, phone: String, province: String, city: String, district: String, detail: String) {
        self.name = name
        self.phone = phone
        self.province = province
        self.city = city
        self.district = district
        self.detail = detail
    }
}

/// A parcel the seller confirmed through a gateway.
public struct SimShipment: Sendable, Hashable, Codable {
    public var shopID: String
    public var orderID: String
    public var lineIDs: [String]
    public var courierCode: String
    public var trackingNumber: String
    public var atMillis: Int64
    /// The API that confirmed it, such as `taobao.logistics.offline.send`.
    public var apiMethod: String
}

/// An order kept by the simulator, the same for every platform; each gateway renders it in its own shape.
public struct SimOrder: Sendable, Hashable, Codable {
    public var shopID: String
    public var platform: Platform
    /// The platform's order number, in that platform's format.
    public var orderID: String
    public var phase: SimOrderPhase
    /// The platform forbids shipping for now (PDD group forming, TOP PAID_FORBID_CONSIGN, JD LOCKED).
    public var isHeld: Bool
    public var createdMillis: Int64
    public var paidMillis: Int64?
    public var shippedMillis: Int64?
    public var finishedMillis: Int64?
    /// The last change, in UTC milliseconds; every change moves it forward.
    public var modifiedMillis: Int64
    public var lines: [SimOrderLine]
    public var freightFen: Int64
    /// Order-level discount by the seller, in fen.
    public var discountFen: Int64
    public var receiver: SimReceiver
    public var buyerNote: String
    public var sellerMemo: String
    public var shipment: SimShipment?

    /// Goods total: the lines' prices times quantities.
    public var goodsFen: Int64 { lines.reduce(0) { $0 + $1.amountFen } }

    /// What the buyer pays: goods less every discount, plus freight.
    public var paymentFen: Int64 {
        goodsFen - lines.reduce(0) { $0 + $1.discountFen } - discountFen + freightFen
    }

    /// Whether a buyer has paid for it (it may have shipped or closed since).
    public var isPaid: Bool { paidMillis != nil }
}
