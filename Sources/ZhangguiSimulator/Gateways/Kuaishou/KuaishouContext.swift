import ZhangguiChannels
import ZhangguiCore

/// One 快手 call being answered.
struct KuaishouContext {
    let call: GatewayCall
    let shopID: String
    let world: SimWorld

    var parameters: GatewayParameters { call.parameters }
    private var limits: GatewayLimits { world.limits(for: .kuaishou) }

    /// The cursor of the last page.
    static let endCursor = "nomore"

    /// `open.order.cursor.list`: `beginTime`/`endTime` (ms, inclusive), `queryType` 1 created / 2 updated,
    /// `orderViewStatus` 1 all or one status code, `pageSize` ≤ 100, `cursor` "" first and "nomore" after the last.
    func cursorList() throws(GatewayError) -> JSONValue {
        let begin = try parameters.integer("beginTime")
        let end = try parameters.integer("endTime")
        try Windows.check(
            start: begin,
            end: end,
            maximumSeconds: limits.maximumWindowSeconds,
            names: ("beginTime", "endTime")
        )
        let byCreation = try parameters.integer("queryType", default: 2) == 1
        let view = try parameters.integer("orderViewStatus", default: 1)
        let size = try parameters.pageSize("pageSize", default: 20, maximum: limits.maximumPageSize)
        let offset = try cursorOffset(parameters.string("cursor") ?? parameters.string("pcursor") ?? "")
        let orders = world.orders(shopID: shopID).filter { order in
            let time = byCreation ? order.createdMillis : order.modifiedMillis
            return time >= begin && time <= end && (view == 1 || KuaishouShapes.status(order) == view)
        }
        .sorted { ($0.modifiedMillis, $0.orderID) > ($1.modifiedMillis, $1.orderID) }
        let cut = GatewayPage(orders, offset: offset, size: size)
        return .object([
            "cursor": .string(cut.hasNext ? String(offset + size) : Self.endCursor),
            "orderList": .array(cut.items.map { KuaishouShapes.order($0, afterSales: afterSales($0)) }),
        ])
    }

    /// `open.order.detail(oid)`.
    func detail() throws(GatewayError) -> JSONValue {
        let id = try parameters.required("oid")
        guard let order = try? world.order(shopID: shopID, orderID: id) else { throw .notFound("订单不存在") }
        return KuaishouShapes.order(order, afterSales: afterSales(order))
    }

    /// `open.seller.order.refund.pcursor.list`: range at most 7 days (300004), within the last 90 days (300005).
    func refunds() throws(GatewayError) -> JSONValue {
        let begin = try parameters.integer("beginTime")
        let end = try parameters.integer("endTime")
        guard begin <= end, end - begin <= limits.maximumRefundWindowSeconds * 1000 else {
            throw .platformCode(300_004, "查询时间范围不能超过7天")
        }
        guard begin >= world.nowMillis - 90 * 86_400_000 else { throw .platformCode(300_005, "只能查询90天内的数据") }
        let size = try parameters.pageSize("pageSize", default: 20, maximum: limits.maximumPageSize)
        let offset = try cursorOffset(parameters.string("pcursor") ?? "")
        let items = world.afterSales(shopID: shopID)
            .filter { $0.modifiedMillis >= begin && $0.modifiedMillis <= end }
            .sorted { ($0.modifiedMillis, $0.refundID) > ($1.modifiedMillis, $1.refundID) }
        let cut = GatewayPage(items, offset: offset, size: size)
        return .object([
            "pcursor": .string(cut.hasNext ? String(offset + size) : Self.endCursor),
            "refundOrderInfoList": .array(cut.items.map(KuaishouShapes.refund)),
        ])
    }

    /// `open.seller.order.goods.deliver(orderId, expressCode, expressNo)`.
    func deliver() throws(GatewayError) -> JSONValue {
        let id = try parameters.required("orderId")
        let code = try parameters.integer("expressCode")
        let number = try parameters.required("expressNo")
        do throws(SimError) {
            try world.confirmShipment(
                shopID: shopID,
                orderID: id,
                lineIDs: [],
                courierCode: String(code),
                trackingNumber: number,
                apiMethod: call.apiMethod
            )
        } catch {
            throw error.code == .notFound ? .notFound("订单不存在") : .refused(error.message)
        }
        return .object([:])
    }

    /// `open.item.sku.stock.update(kwaiItemId, skuId, skuChangeStock, changeType)`: changeType 1 adds, 2 takes
    /// away (the semantics are unconfirmed; the simulator's choice).
    func updateStock() throws(GatewayError) -> JSONValue {
        let item = try parameters.required("kwaiItemId")
        let sku = try parameters.required("skuId")
        let change = try parameters.integer("skuChangeStock")
        let type = try parameters.integer("changeType")
        guard change >= 0, type == 1 || type == 2 else {
            throw .invalidParameter("changeType", "changeType is 1 (add) or 2 (take away), skuChangeStock ≥ 0")
        }
        do throws(SimError) {
            _ = try world.pushStock(
                shopID: shopID,
                locator: .init(itemID: item, skuID: sku),
                quantity: type == 1 ? change : -change,
                isDelta: true,
                apiMethod: call.apiMethod
            )
        } catch {
            throw error.code == .notFound ? .notFound("商品或sku不存在") : .refused(error.message)
        }
        return .object([:])
    }

    /// `open.item.get(kwaiItemId)`: the item's SKUs with their stock (answer fields unconfirmed: `skuInfos[]`
    /// of `kwaiSkuId`, `relSkuId`, `skuStock`).
    func item() throws(GatewayError) -> JSONValue {
        let item = try parameters.required("kwaiItemId")
        let skus = world.listings(shopID: shopID).filter { $0.itemID == item }
        guard !skus.isEmpty else { throw .notFound("商品不存在") }
        return .object([
            "kwaiItemId": .identifier(item),
            "skuInfos": .array(
                skus.map { sku in
                    .object([
                        "kwaiSkuId": .identifier(sku.skuID), "relSkuId": .string(sku.outerID),
                        "skuStock": .int(sku.quantity),
                    ])
                }
            ),
        ])
    }

    private func afterSales(_ order: SimOrder) -> [SimAfterSale] {
        world.afterSales(shopID: shopID, orderID: order.orderID)
    }

    private func cursorOffset(_ cursor: String) throws(GatewayError) -> Int {
        if cursor.isEmpty { return 0 }
        guard let offset = Int(cursor), offset >= 0 else { throw .invalidParameter("cursor", "unknown cursor") }
        return offset
    }
}
