import ZhangguiCore
import ZhangguiServices

/// Test equipment: a platform in memory holding a fixed list of orders, all on one page, no after-sales requests;
/// it takes every shipment and stock push, and refuses to fetch an order it does not hold, as platforms do.
struct OrderFeed: ShopChannelFactory, ShopChannel {
    let platform: Platform = .taobao
    let maximumWindowMillis: Int64 = 86_400_000
    let stored: [PlatformOrder]

    func channel(for credentials: ShopCredentials) throws -> any ShopChannel { self }

    func orders(modifiedIn window: SyncWindow, cursor: String?) throws -> ChannelPage<PlatformOrder> {
        ChannelPage(items: stored.filter { window.contains(millis: $0.modifiedAtMillis) }, nextCursor: nil)
    }

    func order(platformOrderID: String) throws -> PlatformOrder {
        guard let order = stored.first(where: { $0.platformOrderID == platformOrderID }) else {
            throw ChannelError.rejected(code: "41", message: "no such order")
        }
        return order
    }

    func refunds(modifiedIn window: SyncWindow, cursor: String?) throws -> ChannelPage<PlatformRefund> {
        ChannelPage(items: [], nextCursor: nil)
    }

    func confirmShipment(_ shipment: PlatformShipment) throws {}

    func pushStock(_ update: PlatformStockUpdate) throws {}

    func refreshAuthorization(_ current: ShopAuthorization) throws -> ShopAuthorization { current }

    /// A paid order awaiting shipment with one line of listing `itemID`:`skuID` whose 商家编码 is `outerID`.
    static func order(_ id: String, itemID: String, skuID: String, outerID: String, modified: Int64) -> PlatformOrder {
        PlatformOrder(
            platformOrderID: id,
            status: .awaitingShipment,
            createdAtMillis: modified - 120_000,
            paidAtMillis: modified - 60_000,
            modifiedAtMillis: modified,
            receiver: Receiver(
                name: "张*",
                phone: "138****8000",
                province: "上海",
                city: "上海市",
                district: "黄浦区",
                address: "示例路**号"
            ),
            lines: [
                PlatformOrderLine(
                    lineID: "\(id)-1",
                    itemID: itemID,
                    skuID: skuID,
                    outerID: outerID,
                    title: "马克杯",
                    quantity: 1,
                    unitPrice: Money(fen: 1290)
                )
            ],
            paid: Money(fen: 1290)
        )
    }
}
