import ZhangguiChannels
import ZhangguiCore

/// One JOS call being answered.
struct JDContext {
    let call: GatewayCall
    let shopID: String
    let world: SimWorld

    var parameters: GatewayParameters { call.parameters }

    /// `jingdong.pop.order.enSearch`: paid orders by modified time (`dateType` 0, default) or creation time (1).
    func search() throws(GatewayError) -> [String: JSONValue] {
        let start = try time("start_date")
        let end = try time("end_date")
        let limits = world.limits(for: .jd)
        try Windows.check(
            start: start,
            end: end,
            maximumSeconds: limits.maximumWindowSeconds,
            names: ("start_date", "end_date")
        )
        let byCreation = parameters.string("dateType") == "1"
        let states = Set((parameters.string("order_state") ?? "ALL").split(separator: ",").map(String.init))
        let size = try parameters.pageSize("page_size", default: 10, maximum: limits.maximumPageSize)
        let page = try parameters.integer("page", default: 1)
        guard page >= 1 else { throw .invalidParameter("page", "page starts at 1") }
        let orders = world.orders(shopID: shopID)
            .filter { $0.isPaid }
            .filter {
                Windows.containsBySecond(byCreation ? $0.createdMillis : $0.modifiedMillis, start: start, end: end)
            }
            .filter { states.contains("ALL") || states.contains(JDShapes.state($0)) }
            .sorted { ($0.modifiedMillis, $0.orderID) > ($1.modifiedMillis, $1.orderID) }
        let cut = GatewayPage(orders, offset: Int(page - 1) * size, size: size)
        return [
            "searchorderinfo_result": .object([
                "apiResult": JDShapes.apiResult, "orderTotal": .int(cut.total),
                "orderInfoList": .array(cut.items.map { JDShapes.order($0, afterSales: afterSales($0)) }),
            ])
        ]
    }

    /// `jingdong.pop.order.enGet(order_id)`.
    func detail() throws(GatewayError) -> [String: JSONValue] {
        let id = try parameters.required("order_id")
        guard let order = try? world.order(shopID: shopID, orderID: id), order.isPaid else {
            throw .notFound("订单不存在")
        }
        return [
            "orderDetailInfo": .object([
                "apiResult": JDShapes.apiResult, "orderInfo": JDShapes.order(order, afterSales: afterSales(order)),
            ])
        ]
    }

    /// `jingdong.pop.afs.soa.refundapply.queryPageList`: refund applications by apply time.
    func refundApplications() throws(GatewayError) -> [String: JSONValue] {
        let start = try time("applyTimeStart")
        let end = try time("applyTimeEnd")
        let limits = world.limits(for: .jd)
        try Windows.check(
            start: start,
            end: end,
            maximumSeconds: limits.maximumRefundWindowSeconds,
            names: ("applyTimeStart", "applyTimeEnd")
        )
        let size = try parameters.pageSize("pageSize", default: 10, maximum: limits.maximumPageSize)
        let index = try parameters.integer("pageIndex", default: 1)
        guard index >= 1 else { throw .invalidParameter("pageIndex", "pageIndex starts at 1") }
        let applications = world.afterSales(shopID: shopID)
            .filter { Windows.containsBySecond($0.createdMillis, start: start, end: end) }
            .sorted { ($0.createdMillis, $0.refundID) > ($1.createdMillis, $1.refundID) }
        let cut = GatewayPage(applications, offset: Int(index - 1) * size, size: size)
        return [
            "queryResult": .object([
                "success": .bool(true), "resultCode": .string("1"), "totalCount": .int(cut.total),
                "result": .array(cut.items.map(JDShapes.refundApplication)),
            ])
        ]
    }

    /// `jingdong.pop.order.shipment(orderId, logiCoprId, logiNo)`.
    func ship() throws(GatewayError) -> [String: JSONValue] {
        let id = try parameters.required("orderId")
        let carrier = try parameters.required("logiCoprId")
        let tracking = try parameters.required("logiNo")
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
        return [
            "sopjosshipment_result": .object([
                "success": .bool(true), "chineseErr": .string(""), "errorCode": .string(""),
            ])
        ]
    }

    /// `jingdong.stock.write.updateSkuStock(skuId, stockNum)`: absolute stock.
    func updateStock() throws(GatewayError) -> [String: JSONValue] {
        let sku = try parameters.required("skuId")
        let quantity = try parameters.integer("stockNum")
        guard quantity >= 0 else { throw .invalidParameter("stockNum", "stockNum must not be negative") }
        do throws(SimError) {
            _ = try world.pushStock(
                shopID: shopID,
                locator: .init(skuID: sku),
                quantity: quantity,
                isDelta: false,
                apiMethod: call.apiMethod
            )
        } catch {
            throw error.code == .notFound ? .notFound("sku不存在") : .refused(error.message)
        }
        return ["success": .bool(true)]
    }

    private func afterSales(_ order: SimOrder) -> [SimAfterSale] {
        world.afterSales(shopID: shopID, orderID: order.orderID)
    }

    private func time(_ name: String) throws(GatewayError) -> Int64 {
        let text = try parameters.required(name)
        guard let millis = try? PlatformTimestamp.millis(gmt8Text: text) else {
            throw .invalidParameter(name, "\(name) must be yyyy-MM-dd HH:mm:ss")
        }
        return millis
    }
}
