/// A courier's API that issues waybill numbers over the network (顺丰 丰桥, 中通 ZOP, or an e-waybill service such
/// as 菜鸟, 拼多多 or 抖店 speaking for a carrier).
///
/// Unlike ``Courier``, a client is never called inside a database transaction: the waybill step claims the
/// parcels, calls the client, then stores what came back. Every call carries the parcel's stable
/// ``CourierParcel/requestKey``, so calling again after a crash gives back the first number instead of a second one.
public protocol CourierClient: Sendable {
    /// The carrier's code as stored on shipments, such as `SF`, `ZTO` or `YTO`.
    var carrierCode: String { get }

    /// Asks the courier for one waybill for `parcel`.
    /// - Throws: ``CourierError`` `.unreachable` when the courier is down, `.refused` with its code and message.
    func issueWaybill(for parcel: CourierParcel) throws(CourierError) -> IssuedWaybill

    /// Tells the courier that `waybillNumber`, issued for the parcel of `requestKey`, will not be used.
    /// - Throws: ``CourierError`` `.notCancellable` when the courier keeps it, `.unreachable`, `.refused`.
    func cancelWaybill(_ waybillNumber: String, requestKey: String) throws(CourierError)
}

/// Where a parcel goes from or to, as couriers ask for it.
///
/// Personal data: never log any field.
public struct CourierContact: Sendable, Hashable {
    public var name: String
    public var mobile: String
    public var province: String
    public var city: String
    public var district: String
    /// The street address below the district.
    public var address: String

    public init(name: String, mobile: String, province: String, city: String, district: String, address: String) {
        self.name = name
        self.mobile = mobile
        self.province = province
        self.city = city
        self.district = district
        self.address = address
    }
}

/// One parcel a courier is asked to number.
public struct CourierParcel: Sendable, Hashable {
    /// The stable id of the request (SF `orderId`, ZTO `partnerOrderCode`, e-waybill `object_id`): the same for every
    /// try of the same parcel, new only after its waybill was cancelled. See ``requestKey(companyID:shipmentID:attempt:)``.
    public var requestKey: String
    public var sender: CourierContact
    public var receiver: CourierContact
    /// Weight in grams.
    public var weightGrams: Int64
    /// Declared value in fen.
    public var valueFen: Int64
    /// What is inside, one name and count per line.
    public var items: [CourierItem]

    public init(
        requestKey: String,
        sender: CourierContact,
        receiver: CourierContact,
        weightGrams: Int64,
        valueFen: Int64,
        items: [CourierItem]
    ) {
        self.requestKey = requestKey
        self.sender = sender
        self.receiver = receiver
        self.weightGrams = weightGrams
        self.valueFen = valueFen
        self.items = items
    }

    /// `ZG<company>S<shipment>A<attempt>`: one key per shipment and waybill attempt, at most 40 characters (the
    /// shortest limit among couriers, 小红书's objectId).
    public static func requestKey(companyID: Int64, shipmentID: Int64, attempt: Int) -> String {
        "ZG\(companyID)S\(shipmentID)A\(attempt)"
    }
}

/// One line of a parcel's contents.
public struct CourierItem: Sendable, Hashable {
    public var name: String
    public var count: Int64

    public init(name: String, count: Int64) {
        self.name = name
        self.count = count
    }
}
