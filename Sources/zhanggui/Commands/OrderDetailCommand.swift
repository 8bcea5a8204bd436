import Foundation
import ZhangguiCore
import ZhangguiStore

/// `zhanggui order`: one order in detail.
enum OrderDetailCommand {
    static let command = Command(
        name: "order",
        summary: "show one order in detail: receiver, lines, amounts, holds, waybill and split parts",
        help: """
            Usage: zhanggui order ORDER [--shop CODE]

            Shows one order (its 订单编号): shop, state, order and payment times in the company's time zone,
            receiver, phone, address and division code, buyer note and seller memo, lines with their amounts, paid
            amount and freight, open holds with the check that raised each, waybill, and the parts of an order split
            across warehouses. ORDER-N (as `zhanggui orders` lists parts) shows part N.

              --shop CODE    the shop the order belongs to; needed when the order number exists in several shops
            """,
        options: ["shop"],
        positionals: 1...1
    ) { arguments in
        let order = arguments.positional[0]
        let (database, companyID) = try Workspace(arguments).openCompany()
        let id = try OrderLookup.tradeID(
            order: order,
            shop: arguments.option("shop"),
            database: database,
            companyID: companyID,
            allowingPartSuffix: true
        )
        let detail = try database.read { try OrderDetail.load(tradeID: id, companyID: companyID, connection: $0) }
        detail.print()
        return 0
    }
}

/// Everything `zhanggui order` shows, read in one transaction.
struct OrderDetail {
    let trade: StoredTrade
    let facts: OrderQueries.TradeFacts
    let holds: [Hold]
    let parts: [OrderQueries.Part]
    let timeZone: TimeZone

    static func load(tradeID: Int64, companyID: Int64, connection: any DatabaseConnection) throws -> OrderDetail {
        guard let company = try CompanyRecords(connection).company(companyID),
            let trade = try TradeRecords(connection, currency: company.currency).trade(
                id: tradeID,
                companyID: companyID
            ),
            let facts = try OrderQueries(connection).facts(tradeID: tradeID, companyID: companyID)
        else { throw Refusal("trade \(tradeID) has gone") }
        return OrderDetail(
            trade: trade,
            facts: facts,
            holds: try HoldRecords(connection).open(tradeID: tradeID),
            parts: try OrderQueries(connection).parts(ofTradeID: tradeID, companyID: companyID),
            timeZone: TimeZone(identifier: company.timeZone) ?? .current
        )
    }

    func print() {
        printHeader()
        printFacts()
        printLines()
        printHolds()
        printParts()
    }

    private func printHeader() {
        let part = trade.splitSeq > 0 ? " (part \(trade.splitSeq))" : ""
        let priority = facts.isHighPriority ? "   ! 高优先级 high priority" : ""
        Output.line(
            "订单 \(trade.platformOrderID)\(part)   店铺 \(facts.shopCode)   "
                + "\(trade.state.chineseName) \(trade.state.rawValue)\(priority)"
        )
    }

    /// Times, amounts, waybill and receiver, one per row; times in the company's zone.
    private func printFacts() {
        let receiver = trade.receiver
        let zone = " (\(timeZone.identifier))"
        Output.table([
            ["下单时间", time(facts.orderedAt) + zone],
            ["付款时间", facts.paidAt.map { time($0) + zone } ?? "未付款 unpaid"],
            ["实付", Output.yuan(trade.paid.fen)],
            ["运费", Output.yuan(trade.freight.fen)],
            ["运单号", waybill],
            ["发货时间", facts.shippedAt.map { time($0) + zone } ?? "—"],
            ["收货人", receiver.name],
            ["手机", receiver.phone],
            ["地址", "\(receiver.province) \(receiver.city) \(receiver.district) \(receiver.address)"],
            ["行政区划代码", trade.divisionCode ?? "— (not resolved: not reviewed yet, or the address is invalid)"],
            ["买家留言", trade.buyerNote.isEmpty ? "—" : trade.buyerNote],
            ["卖家备注", trade.sellerMemo.isEmpty ? "—" : trade.sellerMemo],
        ])
    }

    private func printLines() {
        var table = [["行", "商家编码", "商品名称", "数量", "单价", "金额"]]
        for line in trade.lines {
            table.append([
                String(line.lineNo), line.merchantCode, line.name, Output.count(line.quantity),
                Output.yuan(line.unitPrice.fen), Output.yuan(line.net.fen),
            ])
        }
        Output.line("商品 (金额 after discounts, VAT included)")
        Output.table(table)
    }

    private func printHolds() {
        guard !holds.isEmpty else { return }
        Output.line("挂起原因")
        Output.table(holds.map { ["\($0.reason.chineseName) (\($0.reason.rawValue))", $0.check, $0.detail] })
    }

    private func printParts() {
        guard parts.count > 1 else { return }
        Output.line("拆分 parts of the order (split across warehouses or by hand)")
        var table = [["部分", "状态", "运单号"]]
        for part in parts {
            let marker = part.tradeID == trade.id ? " (shown)" : ""
            let name = part.splitSeq > 0 ? "\(trade.platformOrderID)-\(part.splitSeq)" : trade.platformOrderID
            table.append([name + marker, part.state.chineseName, part.waybill ?? ""])
        }
        Output.table(table)
    }

    private var waybill: String {
        guard let number = facts.waybill else { return "—" }
        return facts.courierCode.map { "\(number) (\($0))" } ?? number
    }

    private func time(_ seconds: Int64) -> String {
        Output.time(seconds, in: timeZone)
    }
}
