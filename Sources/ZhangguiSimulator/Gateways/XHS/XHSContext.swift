import ZhangguiChannels
import ZhangguiCore

/// One 小红书 call being answered.
struct XHSContext {
    let call: GatewayCall
    let shopID: String
    let world: SimWorld

    var parameters: GatewayParameters { call.parameters }
    private var limits: GatewayLimits { world.limits(for: .xiaohongshu) }

    /// `order.getOrderList`: `startTime`/`endTime` (Unix s); `timeType` 1 created (≤ 24 h), 2 updated
    /// (≤ 30 min); `orderStatus` 0 all; `pageNo` from 1; `pageSize` ≤ 100.
    func orderList() throws(GatewayError) -> JSONValue {
        let start = try parameters.integer("startTime") * 1000
        let end = try parameters.integer("endTime") * 1000
        let byCreation = try parameters.integer("timeType", default: 1) == 1
        let maximum = byCreation ? limits.maximumCreatedWindowSeconds : limits.maximumWindowSeconds
        try Windows.check(start: start, end: end, maximumSeconds: maximum, names: ("startTime", "endTime"))
        let status = try parameters.integer("orderStatus", default: 0)
        let orders = world.orders(shopID: shopID).filter { order in
            Windows.containsBySecond(byCreation ? order.createdMillis : order.modifiedMillis, start: start, end: end)
                && (status == 0 || XHSShapes.orderStatus(order) == status)
        }
        .sorted { ($0.modifiedMillis, $0.orderID) > ($1.modifiedMillis, $1.orderID) }
        let (cut, number, size) = try page(orders)
        return .object([
            "total": .int(cut.total), "pageNo": .int(number), "pageSize": .int(size),
            "maxPageNo": .int(max(1, (cut.total + size - 1) / size)),
            "orderList": .array(cut.items.map { XHSShapes.summary($0, afterSales: afterSales($0)) }),
        ])
    }

    /// `order.getOrderDetail(orderId)`: no receiver name, phone or street here.
    func detail() throws(GatewayError) -> JSONValue {
        let id = try parameters.required("orderId")
        guard let order = try? world.order(shopID: shopID, orderID: id) else { throw .notFound("订单不存在") }
        return XHSShapes.detail(order, afterSales: afterSales(order))
    }

    /// `order.getOrderReceiverInfo(receiverQueries[{orderId, openAddressId}])`: ciphertext, only for orders
    /// waiting to ship; `matched` false when the open address id is no longer the order's.
    func receivers() throws(GatewayError) -> JSONValue {
        guard let queries = parameters.value("receiverQueries")?.array, !queries.isEmpty else {
            throw .missingParameter("receiverQueries")
        }
        var infos: [JSONValue] = []
        for query in queries {
            guard let id = query["orderId"]?.text, let order = try? world.order(shopID: shopID, orderID: id) else {
                throw .notFound("订单不存在")
            }
            guard XHSShapes.orderStatus(order) == 4 else { throw .refused("订单\(id)不是待发货状态") }
            infos.append(XHSShapes.receiver(order, openAddressID: query["openAddressId"]?.text ?? ""))
        }
        return .object(["receiverInfos": .array(infos)])
    }

    /// `afterSale.listAfterSaleInfos`: `startTime`/`endTime` in ms, `timeType` 1 created (≤ 24 h) / 2 updated
    /// (≤ 30 min), or `orderId`; `statuses[]`; pages from 1.
    func afterSales() throws(GatewayError) -> JSONValue {
        var items = world.afterSales(shopID: shopID)
        if let orderID = parameters.string("orderId") {
            items = items.filter { $0.orderID == orderID }
        } else {
            let start = try parameters.integer("startTime")
            let end = try parameters.integer("endTime")
            let byCreation = try parameters.integer("timeType", default: 1) == 1
            let maximum = byCreation ? limits.maximumCreatedWindowSeconds : limits.maximumRefundWindowSeconds
            try Windows.check(start: start, end: end, maximumSeconds: maximum, names: ("startTime", "endTime"))
            items = items.filter { afterSale in
                let time = byCreation ? afterSale.createdMillis : afterSale.modifiedMillis
                return time >= start && time <= end
            }
        }
        if let statuses = parameters.value("statuses")?.array, !statuses.isEmpty {
            let wanted = Set(statuses.compactMap(\.int64))
            items = items.filter { wanted.contains(XHSShapes.afterSaleStatus($0.status)) }
        }
        items.sort { ($0.modifiedMillis, $0.refundID) > ($1.modifiedMillis, $1.refundID) }
        let (cut, number, size) = try page(items)
        let shaped = cut.items.compactMap { afterSale -> JSONValue? in
            guard let order = try? world.order(shopID: shopID, orderID: afterSale.orderID) else { return nil }
            return XHSShapes.afterSale(afterSale, order: order)
        }
        return .object([
            "total": .int(cut.total), "pageNo": .int(number), "pageSize": .int(size),
            "afterSaleBasicInfos": .array(shaped),
        ])
    }

    /// `order.orderDeliver(orderId, expressNo, expressCompanyCode)`.
    func deliver() throws(GatewayError) -> JSONValue {
        let id = try parameters.required("orderId")
        let number = try parameters.required("expressNo")
        let company = try parameters.required("expressCompanyCode")
        do throws(SimError) {
            try world.confirmShipment(
                shopID: shopID,
                orderID: id,
                lineIDs: [],
                courierCode: company,
                trackingNumber: number,
                apiMethod: call.apiMethod
            )
        } catch {
            throw error.code == .notFound ? .notFound("订单不存在") : .refused(error.message)
        }
        return .object([:])
    }

    /// `inventory.syncSkuStock(skuId, qty)`: the desired total.
    func syncStock() throws(GatewayError) -> JSONValue {
        let sku = try parameters.required("skuId")
        let quantity = try parameters.integer("qty")
        guard quantity >= 0 else { throw .invalidParameter("qty", "qty must not be negative") }
        do throws(SimError) {
            let listing = try world.pushStock(
                shopID: shopID,
                locator: .init(skuID: sku),
                quantity: quantity,
                isDelta: false,
                apiMethod: call.apiMethod
            )
            return .object([
                "skuId": .string(listing.skuID),
                "skuStockInfo": .object([
                    "availableStock": .int(listing.quantity), "totalStock": .int(listing.quantity),
                ]),
            ])
        } catch {
            throw error.code == .notFound ? .notFound("sku不存在") : .refused(error.message)
        }
    }

    func createToken() throws(GatewayError) -> JSONValue {
        switch world.redeem(code: try parameters.required("code"), platform: .xiaohongshu, appKey: call.appKey ?? "") {
        case .success(let grant): return XHSShapes.token(grant)
        case .failure: throw .invalidParameter("code", "code无效或已过期")
        }
    }

    /// `oauth.refreshToken`: more than 30 minutes left returns the same pair; otherwise a new pair, the old access
    /// token living 5 more minutes.
    func refreshToken() throws(GatewayError) -> JSONValue {
        let token = try parameters.required("refreshToken")
        switch world.refresh(token, platform: .xiaohongshu, appKey: call.appKey ?? "") {
        case .success(let grant): return XHSShapes.token(grant)
        case .failure: throw .invalidParameter("refreshToken", "refreshToken无效或已过期,请重新授权")
        }
    }

    private func afterSales(_ order: SimOrder) -> [SimAfterSale] {
        world.afterSales(shopID: shopID, orderID: order.orderID)
    }

    private func page<Item>(_ all: [Item]) throws(GatewayError) -> (GatewayPage<Item>, Int, Int) {
        let size = try parameters.pageSize("pageSize", default: 50, maximum: limits.maximumPageSize)
        let number = try parameters.integer("pageNo", default: 1)
        guard number >= 1 else { throw .invalidParameter("pageNo", "pageNo starts at 1") }
        return (GatewayPage(all, offset: Int(number - 1) * size, size: size), Int(number), size)
    }
}
