/// Who sends a parcel: the warehouse's return address as it is printed on labels (寄件人).
public struct Sender: Sendable, Hashable, Codable {
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

    /// Province, city, district and street as one line.
    public var fullAddress: String { LabelText.join(province, city, district, address) }
}

/// One line of a label's item summary: a SKU (or the order line's code) and how many.
public struct LabelItem: Sendable, Hashable {
    public let code: String
    public let name: String
    public let quantity: Int64

    public init(code: String, name: String, quantity: Int64) {
        self.code = code
        self.name = name
        self.quantity = quantity
    }
}

/// Everything printed on one shipping label (快递面单): one label per parcel.
public struct ShippingLabel: Sendable, Hashable {
    public let waybillNumber: String
    public let courierCode: String
    public let size: LabelSize
    /// 大头笔 / 三段码: the destination sorting code, printed large.
    public let sortingCode: String
    /// 集包地: the consolidation centre, when the courier gave one.
    public let bagCentre: String?
    public let receiver: Receiver
    public let sender: Sender
    /// The platform order numbers in the parcel (several when orders were merged).
    public let orderNumbers: [String]
    public let items: [LabelItem]
    /// The label's place in its batch, 1-based, and the batch's size: `12/37`.
    public let sequence: Int
    public let count: Int

    public init(
        waybillNumber: String,
        courierCode: String,
        size: LabelSize,
        sortingCode: String,
        bagCentre: String?,
        receiver: Receiver,
        sender: Sender,
        orderNumbers: [String],
        items: [LabelItem],
        sequence: Int,
        count: Int
    ) {
        self.waybillNumber = waybillNumber
        self.courierCode = courierCode
        self.size = size
        self.sortingCode = sortingCode
        self.bagCentre = bagCentre
        self.receiver = receiver
        self.sender = sender
        self.orderNumbers = orderNumbers
        self.items = items
        self.sequence = sequence
        self.count = count
    }

    public var courierName: String { CourierLabelFormat.of(courierCode).name }

    /// The receiver's phone as the label shows it: the middle four digits of a mobile number hidden (隐私面单).
    public var receiverPhoneShown: String { LabelText.maskedPhone(receiver.phone) }

    /// The receiver's province, city, district and street as one line.
    public var receiverAddress: String {
        LabelText.join(receiver.province, receiver.city, receiver.district, receiver.address)
    }

    /// The summary of the items, one entry per line as printed: `A001 蓝色马克杯 ×2`.
    public var itemLines: [String] {
        items.map { "\($0.code) \($0.name) ×\($0.quantity)" }
    }

    /// How many units the parcel holds.
    public var unitCount: Int64 { items.reduce(0) { $0 + $1.quantity } }
}
