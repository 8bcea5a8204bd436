import ZhangguiChannels
import ZhangguiCore

/// One 抖店 call being answered.
struct DoudianContext {
    let call: GatewayCall
    let shopID: String
    let world: SimWorld

    var parameters: GatewayParameters { call.parameters }
    private var limits: GatewayLimits { world.limits(for: .doudian) }

    /// `order.searchList`: by `update_time_start/end` or `create_time_start/end` (Unix s), `order_by`
    /// create_time (default) or update_time, newest first unless `order_asc`; `page` from 0, `size` ≤ 100.
    func searchList() throws(GatewayError) -> JSONValue {
        let size = try parameters.pageSize("size", default: 10, maximum: limits.maximumPageSize)
        let page = try parameters.integer("page", default: 0)
        guard page >= 0 else { throw .invalidParameter("page", "page starts at 0") }
        var orders = world.orders(shopID: shopID)
        if let range = try range("update_time_start", "update_time_end") {
            orders = orders.filter { Windows.containsBySecond($0.modifiedMillis, start: range.0, end: range.1) }
        }
        if let range = try range("create_time_start", "create_time_end") {
            orders = orders.filter { Windows.containsBySecond($0.createdMillis, start: range.0, end: range.1) }
        }
        let byUpdate = parameters.string("order_by") == "update_time"
        let ascending = parameters.boolean("order_asc")
        orders.sort { first, second in
            let a = (byUpdate ? first.modifiedMillis : first.createdMillis, first.orderID)
            let b = (byUpdate ? second.modifiedMillis : second.createdMillis, second.orderID)
            return ascending ? a < b : a > b
        }
        let cut = GatewayPage(orders, offset: Int(page) * size, size: size)
        return .object([
            "page": .int(page), "size": .int(size), "total": .int(cut.total),
            "shop_order_list": .array(cut.items.map { DoudianShapes.order($0, afterSales: afterSales($0)) }),
        ])
    }

    /// `order.orderDetail(shop_order_id)`.
    func detail() throws(GatewayError) -> JSONValue {
        let id = try parameters.required("shop_order_id")
        guard let order = try? world.order(shopID: shopID, orderID: id) else { throw .notFound("订单不存在") }
        return .object(["shop_order_detail": DoudianShapes.order(order, afterSales: afterSales(order))])
    }

    /// `afterSale.List`: by `update_start_time/update_end_time` or `start_time/end_time` (apply time, Unix s).
    func afterSales() throws(GatewayError) -> JSONValue {
        let size = try parameters.pageSize("size", default: 10, maximum: limits.maximumPageSize)
        let page = try parameters.integer("page", default: 0)
        guard page >= 0 else { throw .invalidParameter("page", "page starts at 0") }
        var items = world.afterSales(shopID: shopID)
        if let range = try range("update_start_time", "update_end_time", maximum: limits.maximumRefundWindowSeconds) {
            items = items.filter { Windows.containsBySecond($0.modifiedMillis, start: range.0, end: range.1) }
        }
        if let range = try range("start_time", "end_time", maximum: limits.maximumRefundWindowSeconds) {
            items = items.filter { Windows.containsBySecond($0.createdMillis, start: range.0, end: range.1) }
        }
        if let orderID = parameters.string("order_id") { items = items.filter { $0.orderID == orderID } }
        items.sort { ($0.modifiedMillis, $0.refundID) > ($1.modifiedMillis, $1.refundID) }
        let cut = GatewayPage(items, offset: Int(page) * size, size: size)
        let shaped = cut.items.compactMap { afterSale -> JSONValue? in
            guard let order = try? world.order(shopID: shopID, orderID: afterSale.orderID) else { return nil }
            return DoudianShapes.afterSale(afterSale, order: order)
        }
        return .object([
            "page": .int(page), "size": .int(size), "total": .int(cut.total), "has_more": .bool(cut.hasNext),
            "items": .array(shaped),
        ])
    }

    /// `order.logisticsAdd(order_id, company_code, logistics_code)`.
    func ship() throws(GatewayError) -> JSONValue {
        let id = try parameters.required("order_id")
        let company = try parameters.required("company_code")
        let tracking = try parameters.required("logistics_code")
        do throws(SimError) {
            try world.confirmShipment(
                shopID: shopID,
                orderID: id,
                lineIDs: [],
                courierCode: company,
                trackingNumber: tracking,
                apiMethod: call.apiMethod
            )
        } catch {
            throw error.code == .notFound ? .notFound("订单不存在") : .refused(error.message)
        }
        return .object([:])
    }

    /// `sku.syncStock(sku_id | code | out_sku_id, stock_num, incremental, idempotent_id)`.
    func syncStock() throws(GatewayError) -> JSONValue {
        let quantity = try parameters.integer("stock_num")
        let incremental = parameters.boolean("incremental")
        let key = parameters.string("idempotent_id")
        guard !incremental || key != nil else { throw .missingParameter("idempotent_id") }
        guard incremental || quantity >= 0 else { throw .invalidParameter("stock_num", "stock_num must be ≥ 0") }
        let locator = SimWorld.ListingLocator(
            itemID: parameters.string("product_id"),
            skuID: parameters.string("sku_id"),
            outerID: parameters.string("code") ?? parameters.string("out_sku_id")
        )
        do throws(SimError) {
            let listing = try world.pushStock(
                shopID: shopID,
                locator: locator,
                quantity: quantity,
                isDelta: incremental,
                idempotencyKey: incremental ? key : nil,
                apiMethod: call.apiMethod
            )
            return .object(["sku_id": .identifier(listing.skuID), "stock_num": .int(listing.quantity)])
        } catch {
            throw error.code == .notFound ? .notFound("sku不存在") : .refused(error.message)
        }
    }

    /// `token.create`: `authorization_code` + `code`, or `authorization_self` + `shop_id`.
    func createToken() throws(GatewayError) -> JSONValue {
        let grantType = try parameters.required("grant_type")
        let appKey = call.appKey ?? ""
        switch grantType {
        case "authorization_code":
            switch world.redeem(code: try parameters.required("code"), platform: .doudian, appKey: appKey) {
            case .success(let grant): return DoudianShapes.token(grant, now: world.nowMillis)
            case .failure: throw .invalidParameter("code", "code无效或已过期")
            }
        case "authorization_self":
            let shop = try parameters.required("shop_id")
            guard let grant = world.issueSelf(shopID: shop, platform: .doudian, appKey: appKey) else {
                throw .refused("店铺未授权该应用")
            }
            return DoudianShapes.token(grant, now: world.nowMillis)
        default: throw .invalidParameter("grant_type", "grant_type无效")
        }
    }

    /// `token.refresh(grant_type=refresh_token, refresh_token)`.
    func refreshToken() throws(GatewayError) -> JSONValue {
        guard try parameters.required("grant_type") == "refresh_token" else {
            throw .invalidParameter("grant_type", "grant_type无效")
        }
        switch world.refresh(try parameters.required("refresh_token"), platform: .doudian, appKey: call.appKey ?? "") {
        case .success(let grant): return DoudianShapes.token(grant, now: world.nowMillis)
        case .failure: throw .invalidParameter("refresh_token", "refresh_token无效或已过期")
        }
    }

    private func afterSales(_ order: SimOrder) -> [SimAfterSale] {
        world.afterSales(shopID: shopID, orderID: order.orderID)
    }

    private func range(_ startName: String, _ endName: String, maximum: Int64? = nil) throws(GatewayError) -> (
        Int64, Int64
    )? {
        guard parameters.string(startName) != nil || parameters.string(endName) != nil else { return nil }
        let start = try parameters.integer(startName) * 1000
        let end = try parameters.integer(endName) * 1000
        try Windows.check(
            start: start,
            end: end,
            maximumSeconds: maximum ?? limits.maximumWindowSeconds,
            names: (startName, endName)
        )
        return (start, end)
    }
}
