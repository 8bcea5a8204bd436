import ZhangguiChannels
import ZhangguiCore

/// One PDD call being answered.
struct PDDContext {
    let call: GatewayCall
    let shopID: String
    let world: SimWorld

    var parameters: GatewayParameters { call.parameters }

    /// `pdd.order.number.list.increment.get`: paid orders updated in `[start_updated_at, end_updated_at]` (Unix
    /// seconds, at most 30 minutes), filtered by `order_status` and `refund_status` (5 = all).
    func incrementalOrders() throws(GatewayError) -> JSONValue {
        let (start, end) = try window("start_updated_at", "end_updated_at", maximum: limits.maximumWindowSeconds)
        let orderStatus = try parameters.integer("order_status", default: 5)
        let refundStatus = try parameters.integer("refund_status", default: 5)
        let orders = world.orders(shopID: shopID).filter { order in
            order.isPaid && Windows.containsBySecond(order.modifiedMillis, start: start, end: end)
                && (orderStatus == 5 || PDDShapes.orderStatus(order) == orderStatus)
                && (refundStatus == 5 || PDDShapes.refundStatus(order, afterSales(order)) == refundStatus)
        }
        return try page(orders, listKey: "order_sn_list")
    }

    /// `pdd.order.list.get`: orders confirmed (paid) in `[start_confirm_at, end_confirm_at]`, at most 24 hours.
    func ordersByConfirmTime() throws(GatewayError) -> JSONValue {
        let (start, end) = try window("start_confirm_at", "end_confirm_at", maximum: limits.maximumCreatedWindowSeconds)
        let orders = world.orders(shopID: shopID).filter { order in
            guard let paid = order.paidMillis else { return false }
            return Windows.containsBySecond(paid, start: start, end: end)
        }
        return try page(orders, listKey: "order_list")
    }

    /// `pdd.order.information.get(order_sn)`.
    func detail() throws(GatewayError) -> JSONValue {
        let id = try parameters.required("order_sn")
        guard let order = try? world.order(shopID: shopID, orderID: id), order.isPaid else {
            throw .notFound("订单不存在")
        }
        return .object(["order_info": PDDShapes.order(order, afterSales: afterSales(order), isDetail: true)])
    }

    /// `pdd.refund.list.increment.get`: after-sales updated in the window (at most 30 minutes).
    func refunds() throws(GatewayError) -> JSONValue {
        let (start, end) = try window("start_updated_at", "end_updated_at", maximum: limits.maximumRefundWindowSeconds)
        let status = try parameters.integer("after_sales_status")
        let type = try parameters.integer("after_sales_type", default: 1)
        let orderSN = parameters.string("order_sn")
        let matching = world.afterSales(shopID: shopID).filter { afterSale in
            Windows.containsBySecond(afterSale.modifiedMillis, start: start, end: end)
                && (status == 1 || PDDShapes.afterSalesStatus(afterSale) == status)
                && (type == 1 || PDDShapes.afterSalesType(afterSale.kind) == type)
                && (orderSN == nil || afterSale.orderID == orderSN)
        }
        .sorted { ($0.modifiedMillis, $0.refundID) > ($1.modifiedMillis, $1.refundID) }
        let cut = try cut(matching)
        let items = cut.items.compactMap { afterSale -> JSONValue? in
            guard let order = try? world.order(shopID: shopID, orderID: afterSale.orderID) else { return nil }
            return PDDShapes.refund(afterSale, order: order)
        }
        return .object(["total_count": .int(cut.total), "refund_list": .array(items)])
    }

    /// `pdd.logistics.online.send(order_sn, logistics_id, tracking_number)`.
    func ship() throws(GatewayError) -> JSONValue {
        let id = try parameters.required("order_sn")
        let carrier = try parameters.required("logistics_id")
        let tracking = try parameters.required("tracking_number")
        do throws(SimError) {
            try world.confirmShipment(
                shopID: shopID,
                orderID: id,
                lineIDs: [],
                courierCode: carrier,
                trackingNumber: tracking,
                apiMethod: call.apiMethod
            )
        } catch {
            throw error.code == .notFound ? .notFound("订单不存在") : .refused(error.message)
        }
        return .object(["is_success": .bool(true)])
    }

    /// `pdd.goods.quantity.update(goods_id, sku_id | outer_id, quantity, update_type)`: 1 sets, 2 adds.
    func updateStock() throws(GatewayError) -> JSONValue {
        let goods = try parameters.required("goods_id")
        let quantity = try parameters.integer("quantity")
        let type = try parameters.integer("update_type", default: 1)
        guard type == 1 || type == 2 else { throw .invalidParameter("update_type", "update_type is 1 or 2") }
        guard type == 2 || quantity >= 0 else { throw .invalidParameter("quantity", "quantity must not be negative") }
        let locator = SimWorld.ListingLocator(
            itemID: goods,
            skuID: parameters.string("sku_id"),
            outerID: parameters.string("outer_id")
        )
        do throws(SimError) {
            _ = try world.pushStock(
                shopID: shopID,
                locator: locator,
                quantity: quantity,
                isDelta: type == 2,
                apiMethod: call.apiMethod
            )
        } catch {
            throw error.code == .notFound ? .notFound("商品或sku不存在") : .refused(error.message)
        }
        return .object(["is_success": .bool(true)])
    }

    func createToken() throws(GatewayError) -> JSONValue {
        let code = try parameters.required("code")
        switch world.redeem(code: code, platform: .pinduoduo, appKey: call.appKey ?? "") {
        case .success(let grant): return PDDShapes.token(grant, now: world.nowMillis)
        case .failure: throw .invalidParameter("code", "code无效或已过期")
        }
    }

    func refreshToken() throws(GatewayError) -> JSONValue {
        let token = try parameters.required("refresh_token")
        switch world.refresh(token, platform: .pinduoduo, appKey: call.appKey ?? "") {
        case .success(let grant): return PDDShapes.token(grant, now: world.nowMillis)
        case .failure: throw .invalidParameter("refresh_token", "refresh_token无效或已过期")
        }
    }

    private var limits: GatewayLimits { world.limits(for: .pinduoduo) }

    private func afterSales(_ order: SimOrder) -> [SimAfterSale] {
        world.afterSales(shopID: shopID, orderID: order.orderID)
    }

    private func page(_ orders: [SimOrder], listKey: String) throws(GatewayError) -> JSONValue {
        let sorted = orders.sorted { ($0.modifiedMillis, $0.orderID) > ($1.modifiedMillis, $1.orderID) }
        let cut = try cut(sorted)
        var result: [String: JSONValue] = [
            "total_count": .int(cut.total),
            listKey: .array(cut.items.map { PDDShapes.order($0, afterSales: afterSales($0), isDetail: false) }),
        ]
        if parameters.boolean("use_has_next") { result["has_next"] = .bool(cut.hasNext) }
        return .object(result)
    }

    private func cut<Item>(_ all: [Item]) throws(GatewayError) -> GatewayPage<Item> {
        let size = try parameters.pageSize("page_size", default: 100, maximum: limits.maximumPageSize)
        let number = try parameters.integer("page", default: 1)
        guard number >= 1 else { throw .invalidParameter("page", "page starts at 1") }
        return GatewayPage(all, offset: Int(number - 1) * size, size: size)
    }

    private func window(_ startName: String, _ endName: String, maximum: Int64) throws(GatewayError) -> (Int64, Int64) {
        let start = try parameters.integer(startName) * 1000
        let end = try parameters.integer(endName) * 1000
        try Windows.check(start: start, end: end, maximumSeconds: maximum, names: (startName, endName))
        return (start, end)
    }
}
