import Foundation
import Synchronization
import ZhangguiChannels
import ZhangguiCore

extension SimWorld {
    /// Creates an order in a shop; it is modified (and visible to listings) from its creation time.
    @discardableResult
    public func createOrder(shopID: String, _ draft: SimOrderDraft) throws(SimError) -> SimOrder {
        try state.withLock { state throws(SimError) in
            let shop = try state.shop(shopID)
            guard !draft.lines.isEmpty else { throw SimError(.invalidArgument, "an order needs at least one line") }
            let number = state.nextNumber()
            let created = draft.createdMillis ?? state.now
            let orderID = draft.orderID ?? OrderNumbers.make(for: shop.platform, number: number, createdMillis: created)
            guard state.orders[orderID] == nil else { throw SimError(.conflict, "order \(orderID) exists") }
            var lines = draft.lines
            for index in lines.indices where lines[index].lineID.isEmpty {
                lines[index].lineID = OrderNumbers.line(for: shop.platform, order: orderID, index: index, lines[index])
            }
            let order = SimOrder(
                shopID: shopID,
                platform: shop.platform,
                orderID: orderID,
                phase: draft.isPaid ? .paid : .pendingPayment,
                isHeld: draft.isHeld,
                createdMillis: created,
                paidMillis: draft.isPaid ? created : nil,
                modifiedMillis: created,
                lines: lines,
                freightFen: draft.freightFen,
                discountFen: draft.discountFen,
                receiver: draft.receiver ?? SampleReceivers.receiver(number: number),
                buyerNote: draft.buyerNote,
                sellerMemo: draft.sellerMemo
            )
            state.orders[orderID] = order
            for line in lines where !state.listings.contains(where: { $0.shopID == shopID && $0.skuID == line.skuID }) {
                state.listings.append(
                    SimListing(
                        shopID: shopID,
                        itemID: line.itemID,
                        skuID: line.skuID,
                        outerID: line.outerID,
                        quantity: 0
                    )
                )
            }
            return order
        }
    }

    /// One order of a shop.
    public func order(shopID: String, orderID: String) throws(SimError) -> SimOrder {
        try state.withLock { state throws(SimError) in try state.order(orderID, shop: shopID) }
    }

    /// Every order of a shop, in no particular order.
    public func orders(shopID: String) -> [SimOrder] {
        state.withLock { state in state.orders.values.filter { $0.shopID == shopID } }
    }

    /// A change a test or the control API makes to an order, as the buyer, the seller's backend or the platform
    /// would; the order's modified time moves to now (at least 1 ms after the previous change).
    public enum OrderChange: String, Sendable, CaseIterable {
        case pay
        /// Shipped from the seller backend, not through the API (nothing is recorded as a gateway shipment).
        case ship
        case deliver
        /// Cancelled before payment, or closed by the platform.
        case close
        case hold
        case release
        /// Touched without any visible change (a note edited on the platform).
        case touch
    }

    @discardableResult
    public func change(shopID: String, orderID: String, _ change: OrderChange) throws(SimError) -> SimOrder {
        try state.withLock { state throws(SimError) in
            var order = try state.order(orderID, shop: shopID)
            let time = state.changeTime(after: order.modifiedMillis)
            try Self.apply(change, to: &order, at: time)
            order.modifiedMillis = time
            state.orders[orderID] = order
            return order
        }
    }

    private static func apply(_ change: OrderChange, to order: inout SimOrder, at time: Int64) throws(SimError) {
        func refuse(_ why: String) -> SimError { SimError(.conflict, "order \(order.orderID) \(why)") }
        switch change {
        case .pay:
            guard order.phase == .pendingPayment else { throw refuse("is not waiting for payment") }
            order.phase = .paid
            order.paidMillis = time
        case .ship:
            guard order.phase == .paid else { throw refuse("is not waiting to ship") }
            order.phase = .shipped
            order.shippedMillis = time
        case .deliver:
            guard order.phase == .shipped else { throw refuse("has not shipped") }
            order.phase = .delivered
            order.finishedMillis = time
        case .close:
            guard order.phase == .pendingPayment || order.phase == .paid else { throw refuse("can no longer close") }
            order.phase = .closed
            order.finishedMillis = time
        case .hold: order.isHeld = true
        case .release: order.isHeld = false
        case .touch: break
        }
    }

    /// Records a shipment a gateway confirmed and moves the order to shipped.
    /// - Throws: ``SimError`` `conflict` when the order already shipped (a second confirmation), is unpaid,
    ///   closed or held.
    func confirmShipment(
        shopID: String,
        orderID: String,
        lineIDs: [String],
        courierCode: String,
        trackingNumber: String,
        apiMethod: String
    ) throws(SimError) {
        try state.withLock { state throws(SimError) in
            var order = try state.order(orderID, shop: shopID)
            guard order.shipment == nil, order.phase != .shipped, order.phase != .delivered else {
                throw SimError(.conflict, "already shipped")
            }
            guard order.phase == .paid else { throw SimError(.conflict, "not in a state that can ship") }
            guard !order.isHeld else { throw SimError(.conflict, "shipping is blocked by the platform") }
            let time = state.changeTime(after: order.modifiedMillis)
            let shipment = SimShipment(
                shopID: shopID,
                orderID: orderID,
                lineIDs: lineIDs,
                courierCode: courierCode,
                trackingNumber: trackingNumber,
                atMillis: time,
                apiMethod: apiMethod
            )
            order.shipment = shipment
            order.phase = .shipped
            order.shippedMillis = time
            order.modifiedMillis = time
            state.orders[orderID] = order
            state.shipments.append(shipment)
        }
    }

    /// The shipments the gateways accepted for a shop, oldest first.
    public func shipments(shopID: String) -> [SimShipment] {
        state.withLock { $0.shipments.filter { $0.shopID == shopID } }
    }
}

/// Order and line numbers in each platform's format.
enum OrderNumbers {
    static func make(for platform: Platform, number: Int64, createdMillis: Int64) -> String {
        switch platform {
        case .taobao: String(3_100_000_000_000_000 + number)
        case .jd: String(310_000_000_000 + number)
        case .pinduoduo:
            pddDate(createdMillis) + "-" + String(String(100_000_000_000_000 + number).suffix(15))
        case .doudian: String(6_920_000_000_000_000_000 + number)
        case .kuaishou: String(2_410_000_000_000_000 + number)
        case .xiaohongshu: "P7" + String(String(10_000_000_000_000_000 + number).suffix(17))
        }
    }

    /// TOP and 抖店 number their lines; the others name a line by its SKU.
    static func line(for platform: Platform, order: String, index: Int, _ line: SimOrderLine) -> String {
        switch platform {
        case .taobao: String((Int64(order) ?? 0) * 10 + Int64(index) + 1)
        case .doudian: String((Int64(order) ?? 0) + 100_000_000_000_000 * Int64(index + 1))
        default: line.skuID
        }
    }

    private static func pddDate(_ millis: Int64) -> String {
        let text = PlatformTimestamp.gmt8Text(millis: millis)
        let digits = text.prefix(10).replacingOccurrences(of: "-", with: "")
        return String(digits.dropFirst(2))
    }
}
