import ZhangguiCore
import ZhangguiServices

/// The order import template (订单导入模板): one order line per row; rows with the same 店铺 and 订单编号 form
/// one order, whose order-level cells (times, receiver, 优惠, 运费, notes) are read from its first row. Later rows
/// may repeat those cells or leave them empty; a later row that says something else is refused with the order
/// (see ``OrderLevelCells``).
///
/// Columns: 订单编号, 店铺, 下单时间, 付款时间, 收货人, 手机, 省, 市, 区, 详细地址, 商家编码, 数量, 单价, 优惠, 运费, 买家留言,
/// 卖家备注. Times are local wall-clock times in the company's time zone. 优惠 is the order-level discount.
enum OrderTemplateFile {
    static let columns = [
        "订单编号", "店铺", "下单时间", "付款时间", "收货人", "手机", "省", "市", "区", "详细地址", "商家编码", "数量", "单价", "优惠", "运费",
        "买家留言", "卖家备注",
    ]
    static let optionalColumns: Set<String> = ["付款时间", "区", "优惠", "运费", "买家留言", "卖家备注"]

    /// Whether a header is this template's.
    static func matches(_ header: [String]) -> Bool {
        header.contains("订单编号") && header.contains("商家编码")
    }

    static func read(_ reader: inout any TableReader, context: CompanyContext, report: inout ImportReport) throws
        -> [Trade]
    {
        report.issues += requireColumns(columns.filter { !optionalColumns.contains($0) }, in: reader)
        guard report.issues.isEmpty else { return [] }
        var assembler = OrderAssembler()
        var firstRows: [String: OrderLevelCells] = [:]
        while let row = try reader.nextRow() {
            report.rowsRead += 1
            var fields = RowFields(row, file: reader.fileName)
            let orderID = fields.required("订单编号")
            let shop = fields.required("店铺")
            let line = TradeLine(
                merchantCode: fields.required("商家编码"),
                quantity: fields.positiveQuantity("数量"),
                unitPrice: fields.money("单价", currency: context.currency)
            )
            let key = "\(shop)/\(orderID)"
            var trade: Trade?
            if let first = firstRows[key] {
                first.check(&fields, calendar: context.calendar)
            } else {
                firstRows[key] = OrderLevelCells(fields, calendar: context.calendar)
                trade = readHeader(&fields, orderID: orderID, shop: shop, context: context)
            }
            assembler.add(key: key, row: row.number, line: line, issues: fields.issues) { trade }
        }
        return assembler.finish(into: &report)
    }

    private static func readHeader(_ fields: inout RowFields, orderID: String, shop: String, context: CompanyContext)
        -> Trade?
    {
        let orderedAt = fields.time("下单时间", calendar: context.calendar)
        let paidAt = fields.time("付款时间", calendar: context.calendar, required: false)
        if let orderedAt, let paidAt, paidAt < orderedAt {
            fields.fail("付款时间", "is earlier than 下单时间")
        }
        let receiver = Receiver(
            name: fields.required("收货人"),
            phone: fields.required("手机"),
            province: fields.required("省"),
            city: fields.required("市"),
            district: fields.text("区"),
            address: fields.required("详细地址")
        )
        let discount = fields.money("优惠", required: false, currency: context.currency)
        let freight = fields.money("运费", required: false, currency: context.currency)
        guard let orderedAt, fields.isValid else { return nil }
        return Trade(
            platformOrderID: orderID,
            shopCode: shop,
            orderedAt: orderedAt,
            paidAt: paidAt,
            receiver: receiver,
            lines: [],
            discount: discount,
            freight: freight,
            buyerNote: fields.text("买家留言"),
            sellerMemo: fields.text("卖家备注")
        )
    }
}
