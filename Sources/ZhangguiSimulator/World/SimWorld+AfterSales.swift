import Synchronization
public import ZhangguiCore

extension SimWorld {
    /// Opens an after-sales request on an order, as its buyer would; the order's modified time moves too.
    /// - Parameter amountFen: nil asks for everything paid for the lines concerned (the whole order when none).
    @discardableResult
    public func openAfterSale(
        shopID: String,
        orderID: String,
        kind: AfterSaleKind = .refundOnly,
        lineIDs: [String] = [],
        amountFen: Int64? = nil,
        reason: String = "不想要了"
    ) throws(SimError) -> SimAfterSale {
        try state.withLock { state throws(SimError) in
            var order = try state.order(orderID, shop: shopID)
            guard order.isPaid else { throw SimError(.conflict, "order \(orderID) is not paid") }
            let unknown = lineIDs.filter { id in !order.lines.contains { $0.lineID == id } }
            guard unknown.isEmpty else { throw SimError(.invalidArgument, "no line \(unknown[0]) in \(orderID)") }
            let concerned = lineIDs.isEmpty ? order.lines : order.lines.filter { lineIDs.contains($0.lineID) }
            let maximum = lineIDs.isEmpty ? order.paymentFen : concerned.reduce(0) { $0 + $1.paidFen }
            let amount = amountFen ?? maximum
            guard amount > 0, amount <= maximum else {
                throw SimError(.invalidArgument, "a refund is more than 0 and at most \(maximum) fen")
            }
            let time = state.changeTime(after: order.modifiedMillis)
            let number = state.nextNumber()
            let afterSale = SimAfterSale(
                shopID: shopID,
                refundID: AfterSaleNumbers.make(for: order.platform, number: number),
                orderID: orderID,
                lineIDs: lineIDs,
                kind: kind,
                status: .requested,
                amountFen: amount,
                reason: reason,
                createdMillis: time,
                modifiedMillis: time,
                returnTrackingNumber: ""
            )
            state.afterSales[afterSale.refundID] = afterSale
            order.modifiedMillis = time
            state.orders[orderID] = order
            return afterSale
        }
    }

    /// Moves an after-sales request to `status`. A success that refunds everything paid closes an order that had
    /// not shipped (TOP TRADE_CLOSED, 抖店 4 with refund).
    @discardableResult
    public func updateAfterSale(
        shopID: String,
        refundID: String,
        to status: AfterSaleStatus,
        returnTrackingNumber: String? = nil
    ) throws(SimError) -> SimAfterSale {
        try state.withLock { state throws(SimError) in
            guard var afterSale = state.afterSales[refundID], afterSale.shopID == shopID else {
                throw SimError(.notFound, "no after-sales request \(refundID)")
            }
            guard afterSale.status.isOpen else { throw SimError(.conflict, "request \(refundID) is finished") }
            var order = try state.order(afterSale.orderID, shop: shopID)
            let time = state.changeTime(after: max(order.modifiedMillis, afterSale.modifiedMillis))
            afterSale.status = status
            afterSale.modifiedMillis = time
            if let returnTrackingNumber { afterSale.returnTrackingNumber = returnTrackingNumber }
            state.afterSales[refundID] = afterSale
            let refunded = state.afterSales.values.filter { $0.orderID == order.orderID && $0.status == .succeeded }
                .reduce(0) { $0 + $1.amountFen }
            if status == .succeeded, refunded >= order.paymentFen, order.phase == .paid {
                order.phase = .closed
                order.finishedMillis = time
            }
            order.modifiedMillis = time
            state.orders[order.orderID] = order
            return afterSale
        }
    }

    /// Every after-sales request of a shop, in no particular order.
    public func afterSales(shopID: String) -> [SimAfterSale] {
        state.withLock { state in state.afterSales.values.filter { $0.shopID == shopID } }
    }

    /// The after-sales requests of one order, oldest first.
    public func afterSales(shopID: String, orderID: String) -> [SimAfterSale] {
        afterSales(shopID: shopID).filter { $0.orderID == orderID }.sorted { $0.createdMillis < $1.createdMillis }
    }
}

/// After-sales numbers in each platform's format.
enum AfterSaleNumbers {
    static func make(for platform: Platform, number: Int64) -> String {
        switch platform {
        case .taobao: String(1_200_000_000_000_000 + number)
        case .jd: String(61_000_000 + number)
        case .pinduoduo: String(8_800_000_000 + number)
        case .doudian: String(7_100_000_000_000_000_000 + number)
        case .kuaishou: String(2_200_000_000_000_000 + number)
        case .xiaohongshu: "R" + String(7_000_000_000_000_000 + number)
        }
    }
}
