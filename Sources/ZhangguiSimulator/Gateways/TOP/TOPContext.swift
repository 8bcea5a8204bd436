import Foundation
import ZhangguiChannels
import ZhangguiCore

/// One TOP call being answered: its parameters, the token's shop and the world.
struct TOPContext {
    let call: GatewayCall
    let shopID: String
    let world: SimWorld

    var parameters: GatewayParameters { call.parameters }

    /// `taobao.trades.sold.increment.get`: trades modified in `[start_modified, end_modified]`, at most one day,
    /// within the last three months, newest change first.
    func tradesByModified() throws(GatewayError) -> JSONValue {
        let (start, end) = try window("start_modified", "end_modified")
        let limits = world.limits(for: .taobao)
        try Windows.check(
            start: start,
            end: end,
            maximumSeconds: limits.maximumWindowSeconds,
            names: ("start_modified", "end_modified")
        )
        guard start >= world.nowMillis - 90 * 86_400_000 else {
            throw .invalidParameter("start_modified", "only the last three months can be listed")
        }
        let trades = world.orders(shopID: shopID).filter {
            Windows.containsBySecond($0.modifiedMillis, start: start, end: end)
        }
        return try tradePage(trades.sorted { ($0.modifiedMillis, $0.orderID) > ($1.modifiedMillis, $1.orderID) })
    }

    /// `taobao.trades.sold.get`: trades created in `[start_created, end_created]`.
    func tradesByCreated() throws(GatewayError) -> JSONValue {
        let (start, end) = try window("start_created", "end_created")
        let trades = world.orders(shopID: shopID).filter {
            Windows.containsBySecond($0.createdMillis, start: start, end: end)
        }
        return try tradePage(trades.sorted { ($0.createdMillis, $0.orderID) > ($1.createdMillis, $1.orderID) })
    }

    /// `taobao.trade.fullinfo.get(tid, fields)`.
    func fullTrade() throws(GatewayError) -> JSONValue {
        let tid = try parameters.required("tid")
        let fields = try requestedFields()
        guard let order = try? world.order(shopID: shopID, orderID: tid) else {
            throw .notFound("trade \(tid) not found")
        }
        return .object(["trade": TOPShapes.trade(order, afterSales: afterSales(order), fields: fields)])
    }

    /// `taobao.refunds.receive.get`: refunds modified in the window.
    func refunds() throws(GatewayError) -> JSONValue {
        let (start, end) = try window("start_modified", "end_modified")
        let limits = world.limits(for: .taobao)
        try Windows.check(
            start: start,
            end: end,
            maximumSeconds: limits.maximumRefundWindowSeconds,
            names: ("start_modified", "end_modified")
        )
        let fields = try requestedFields()
        let matching = world.afterSales(shopID: shopID)
            .filter { Windows.containsBySecond($0.modifiedMillis, start: start, end: end) }
            .sorted { ($0.modifiedMillis, $0.refundID) > ($1.modifiedMillis, $1.refundID) }
        let (page, useHasNext) = try paging(matching)
        let items = page.items.compactMap { afterSale -> JSONValue? in
            guard let order = try? world.order(shopID: shopID, orderID: afterSale.orderID) else { return nil }
            return TOPShapes.refund(afterSale, order: order, fields: fields)
        }
        var result: [String: JSONValue] = [:]
        result[useHasNext ? "has_next" : "total_results"] = useHasNext ? .bool(page.hasNext) : .int(page.total)
        if !items.isEmpty { result["refunds"] = .object(["refund": .array(items)]) }
        return .object(result)
    }

    /// `taobao.refund.get(refund_id, fields)`.
    func refund() throws(GatewayError) -> JSONValue {
        let id = try parameters.required("refund_id")
        let fields = try requestedFields()
        guard let afterSale = world.afterSales(shopID: shopID).first(where: { $0.refundID == id }),
            let order = try? world.order(shopID: shopID, orderID: afterSale.orderID)
        else { throw .notFound("refund \(id) not found") }
        return .object(["refund": TOPShapes.refund(afterSale, order: order, fields: fields)])
    }

    func afterSales(_ order: SimOrder) -> [SimAfterSale] {
        world.afterSales(shopID: shopID, orderID: order.orderID)
    }

    private func tradePage(_ trades: [SimOrder]) throws(GatewayError) -> JSONValue {
        let fields = try requestedFields()
        let (page, useHasNext) = try paging(trades)
        var result: [String: JSONValue] = [:]
        result[useHasNext ? "has_next" : "total_results"] = useHasNext ? .bool(page.hasNext) : .int(page.total)
        if !page.items.isEmpty {
            let items = page.items.map { TOPShapes.trade($0, afterSales: afterSales($0), fields: fields) }
            result["trades"] = .object(["trade": .array(items)])
        }
        return .object(result)
    }

    private func paging<Item>(_ all: [Item]) throws(GatewayError) -> (GatewayPage<Item>, Bool) {
        let size = try parameters.pageSize(
            "page_size",
            default: 40,
            maximum: world.limits(for: .taobao).maximumPageSize
        )
        let number = try parameters.integer("page_no", default: 1)
        guard number >= 1 else { throw .invalidParameter("page_no", "page_no starts at 1") }
        return (GatewayPage(all, offset: Int(number - 1) * size, size: size), parameters.boolean("use_has_next"))
    }

    private func requestedFields() throws(GatewayError) -> Set<String> {
        let text = try parameters.required("fields")
        return Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    private func window(_ startName: String, _ endName: String) throws(GatewayError) -> (Int64, Int64) {
        (try time(startName), try time(endName))
    }

    func time(_ name: String) throws(GatewayError) -> Int64 {
        let text = try parameters.required(name)
        guard let millis = try? PlatformTimestamp.millis(gmt8Text: text) else {
            throw .invalidParameter(name, "\(name) must be yyyy-MM-dd HH:mm:ss")
        }
        return millis
    }
}
