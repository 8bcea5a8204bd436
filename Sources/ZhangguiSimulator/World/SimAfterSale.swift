public import ZhangguiCore

/// An after-sales request (售后) in the simulator; gateways write its kind and status in their own codes.
public struct SimAfterSale: Sendable, Hashable, Codable {
    public var shopID: String
    public var refundID: String
    public var orderID: String
    /// The lines concerned; empty for the whole order.
    public var lineIDs: [String]
    public var kind: AfterSaleKind
    public var status: AfterSaleStatus
    public var amountFen: Int64
    public var reason: String
    public var createdMillis: Int64
    public var modifiedMillis: Int64
    public var returnTrackingNumber: String
}

/// A listing's SKU on a platform with its sellable stock.
public struct SimListing: Sendable, Hashable, Codable {
    public var shopID: String
    public var itemID: String
    public var skuID: String
    public var outerID: String
    public var quantity: Int64

    public init(shopID: String, itemID: String, skuID: String, outerID: String, quantity: Int64) {
        self.shopID = shopID
        self.itemID = itemID
        self.skuID = skuID
        self.outerID = outerID
        self.quantity = quantity
    }
}

/// A stock change a gateway accepted, as the platform would log it.
public struct SimStockPush: Sendable, Hashable, Codable {
    public var shopID: String
    public var itemID: String
    public var skuID: String
    public var outerID: String
    /// The stock before and after the push.
    public var before: Int64
    public var after: Int64
    /// `set` for an absolute quantity, `delta` for a change.
    public var mode: String
    public var atMillis: Int64
    public var apiMethod: String
}
