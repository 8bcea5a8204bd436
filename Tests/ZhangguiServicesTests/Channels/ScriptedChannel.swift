import Foundation
import ZhangguiCore
import ZhangguiServices

/// Test equipment: a platform in memory. It lists the orders and refunds it holds by modification time, a few per
/// page, answers with scripted errors, and remembers what it was told (shipments, stock).
final class ScriptedChannel: ShopChannel, @unchecked Sendable {
    let platform: Platform = .taobao
    let maximumWindowMillis: Int64
    private let pageSize: Int
    private let lock = NSLock()
    private var orders: [String: PlatformOrder] = [:]
    private var refundList: [String: PlatformRefund] = [:]
    private var failure: ChannelError?
    private var shippedIDs: Set<String> = []
    private var refusals = 0
    private var alreadyShippedAnswer = ChannelError.rejected(
        code: "isv.logistics-offline-service-error:B04",
        message: "already shipped"
    )
    private(set) var windowsAsked: [SyncWindow] = []
    private(set) var shipments: [PlatformShipment] = []
    private(set) var stockUpdates: [PlatformStockUpdate] = []

    /// Microseconds each listing page takes, so passes running at once interleave.
    private let pageDelay: UInt32

    init(maximumWindowMillis: Int64 = 86_400_000, pageSize: Int = 2, pageDelay: UInt32 = 0) {
        self.maximumWindowMillis = maximumWindowMillis
        self.pageSize = pageSize
        self.pageDelay = pageDelay
    }

    /// Puts `order` on the platform as it is now (replacing any version).
    func put(_ order: PlatformOrder) { locked { orders[order.platformOrderID] = order } }

    func put(_ refund: PlatformRefund) { locked { refundList[refund.refundID] = refund } }

    /// Every call throws `error` from now on (nil: answer again).
    func fail(with error: ChannelError?) { locked { failure = error } }

    var pushedQuantities: [Int64] { locked { stockUpdates.map(\.quantity) } }

    func orders(modifiedIn window: SyncWindow, cursor: String?) throws -> ChannelPage<PlatformOrder> {
        if pageDelay > 0 { usleep(pageDelay) }
        return try locked {
            try failIfAsked()
            precondition(window.durationMillis <= maximumWindowMillis, "window longer than the platform allows")
            if cursor == nil { windowsAsked.append(window) }
            let matching = orders.values.filter { window.contains(millis: $0.modifiedAtMillis) }
                .sorted { $0.platformOrderID < $1.platformOrderID }
            return page(matching, cursor: cursor)
        }
    }

    func order(platformOrderID: String) throws -> PlatformOrder {
        try locked {
            try failIfAsked()
            guard var order = orders[platformOrderID] else {
                throw ChannelError.rejected(code: "41", message: "no order")
            }
            if shippedIDs.contains(platformOrderID) { order.status = .shipped }
            return order
        }
    }

    func refunds(modifiedIn window: SyncWindow, cursor: String?) throws -> ChannelPage<PlatformRefund> {
        try locked {
            try failIfAsked()
            let matching = refundList.values.filter { window.contains(millis: $0.modifiedAtMillis) }
                .sorted { $0.refundID < $1.refundID }
            return page(matching, cursor: cursor)
        }
    }

    /// Refuses the next `count` confirmations as a bad parameter.
    func refuseConfirmations(_ count: Int) { locked { refusals = count } }

    func confirmShipment(_ shipment: PlatformShipment) throws {
        try locked {
            try failIfAsked()
            if refusals > 0 {
                refusals -= 1
                throw ChannelError.rejected(code: "41", message: "Invalid arguments: out_sid")
            }
            guard !shippedIDs.contains(shipment.platformOrderID) else { throw alreadyShippedAnswer }
            shippedIDs.insert(shipment.platformOrderID)
            shipments.append(shipment)
        }
    }

    /// How the platform answers a confirmation of an order it shows shipped.
    func answerAlreadyShipped(with error: ChannelError) { locked { alreadyShippedAnswer = error } }

    /// Marks an order shipped on the platform without telling us (an earlier confirmation that got through).
    func markShipped(_ platformOrderID: String) { locked { _ = shippedIDs.insert(platformOrderID) } }

    func pushStock(_ update: PlatformStockUpdate) throws {
        try locked {
            try failIfAsked()
            stockUpdates.append(update)
        }
    }

    func refreshAuthorization(_ current: ShopAuthorization) throws -> ShopAuthorization {
        try locked {
            try failIfAsked()
            return ShopAuthorization(
                accessToken: current.accessToken + "-refreshed",
                accessExpiresAtMillis: current.accessExpiresAtMillis + 86_400_000,
                refreshToken: current.refreshToken
            )
        }
    }

    private func page<Item>(_ items: [Item], cursor: String?) -> ChannelPage<Item> {
        let start = Int(cursor ?? "0") ?? 0
        let end = min(items.count, start + pageSize)
        return ChannelPage(items: Array(items[start..<end]), nextCursor: end < items.count ? String(end) : nil)
    }

    private func failIfAsked() throws {
        if let failure { throw failure }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

/// Hands out the one scripted channel, whatever the credentials.
struct ScriptedChannels: ShopChannelFactory {
    let channel: ScriptedChannel

    func channel(for credentials: ShopCredentials) throws -> any ShopChannel { channel }
}

/// A clock tests move by hand, in UTC milliseconds.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64

    init(_ millis: Int64) { value = millis }

    var millis: Int64 {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
