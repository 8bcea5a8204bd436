import Foundation

/// What a test or the control API asks for when it creates an order; ids and times the simulator fills in.
public struct SimOrderDraft: Sendable, Hashable, Codable {
    /// The platform's order number; nil lets the simulator make one in the platform's format.
    public var orderID: String?
    public var lines: [SimOrderLine]
    public var freightFen: Int64
    public var discountFen: Int64
    /// Nil picks a made-up receiver.
    public var receiver: SimReceiver?
    public var buyerNote: String
    public var sellerMemo: String
    /// When the buyer placed it; nil = now.
    public var createdMillis: Int64?
    /// Whether it is paid at once (at its creation time).
    public var isPaid: Bool
    public var isHeld: Bool

    public init(
        orderID: String? = nil,
        lines: [SimOrderLine],
        freightFen: Int64 = 0,
        discountFen: Int64 = 0,
        receiver: SimReceiver? = nil,
        buyerNote: String = "",
        sellerMemo: String = "",
        createdMillis: Int64? = nil,
        isPaid: Bool = true,
        isHeld: Bool = false
    ) {
        self.orderID = orderID
        self.lines = lines
        self.freightFen = freightFen
        self.discountFen = discountFen
        self.receiver = receiver
        self.buyerNote = buyerNote
        self.sellerMemo = sellerMemo
        self.createdMillis = createdMillis
        self.isPaid = isPaid
        self.isHeld = isHeld
    }
}

/// Made-up receivers in real divisions, so orders look like a shop's without holding anyone's personal data.
enum SampleReceivers {
    static let places: [(String, String, String)] = [
        ("上海市", "上海市", "长宁区"), ("北京市", "北京市", "东城区"), ("广东省", "广州市", "天河区"),
        ("浙江省", "杭州市", "西湖区"), ("四川省", "成都市", "武侯区"), ("陕西省", "西安市", "新城区"),
        ("江苏省", "南京市", "鼓楼区"), ("湖北省", "武汉市", "江汉区"),
    ]

    static func receiver(number: Int64) -> SimReceiver {
        let place = places[Int(number % Int64(places.count))]
        let suffix = String(format: "%04d", Int(number % 10_000))
        return SimReceiver(
            name: "示例\(suffix)",
            phone: "1380013" + suffix,
            province: place.0,
            city: place.1,
            district: place.2,
            detail: "示例路\(number % 300 + 1)号"
        )
    }
}
