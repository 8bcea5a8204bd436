import ZhangguiServices

/// Checks on what callers pass in, so a blank id or tracking number is refused by name instead of reaching the
/// platform as a confusing request.
enum ChannelInput {
    static func checkOrderID(_ platformOrderID: String) throws(ChannelError) {
        guard !platformOrderID.trimmed.isEmpty else {
            throw .rejected(code: "bad-input", message: "the platform order id is empty")
        }
    }

    static func check(_ shipment: PlatformShipment) throws(ChannelError) {
        try checkOrderID(shipment.platformOrderID)
        guard !shipment.courierCode.trimmed.isEmpty else {
            throw .rejected(code: "bad-input", message: "the courier code of the shipment is empty")
        }
        guard !shipment.trackingNumber.trimmed.isEmpty else {
            throw .rejected(code: "bad-input", message: "the tracking number of the shipment is empty")
        }
    }

    static func check(_ update: PlatformStockUpdate) throws(ChannelError) {
        guard !update.itemID.isEmpty || !update.skuID.isEmpty else {
            throw .rejected(code: "bad-input", message: "the stock update names neither an item nor a SKU")
        }
        guard !update.skuID.isEmpty || !update.outerID.isEmpty else {
            throw .rejected(code: "bad-input", message: "the stock update names neither a SKU id nor a 商家编码")
        }
    }
}
