import Foundation
import ZhangguiCore
import ZhangguiStore

/// One row of the order template: the first line of a typical order (TB1001) unless a test changes a cell.
///
/// The same rows are written to the fixture files by `Fixtures/imports/make_import_fixtures.py`.
struct TemplateRow {
    var order = "TB1001"
    var shop = "示例旗舰店"
    var orderedAt = "2024-06-18 20:15:00"
    var paidAt = "2024-06-18 20:16:30"
    var receiver = "张示例"
    var phone = "13800138000"
    var province = "上海"
    var city = "上海市"
    var district = "黄浦区"
    var address = "示例路1号"
    var sku = "MUG-01"
    var quantity = "2"
    var price = "1,299.00"
    var discount = "10.00"
    var freight = "8.00"
    var buyerNote = "请尽快发货"
    var sellerMemo = ""
    /// Cells set by column name, over the ones above.
    var changes: [String: String] = [:]

    static let header = [
        "订单编号", "店铺", "下单时间", "付款时间", "收货人", "手机", "省", "市", "区", "详细地址", "商家编码", "数量", "单价", "优惠", "运费",
        "买家留言", "卖家备注",
    ]

    var cells: [String] {
        let cells = [
            order, shop, orderedAt, paidAt, receiver, phone, province, city, district, address, sku, quantity, price,
            discount, freight, buyerNote, sellerMemo,
        ]
        return zip(Self.header, cells).map { changes[$0] ?? $1 }
    }

    /// This row with the cell of `column` set to `value`.
    func with(_ column: String, _ value: String) -> TemplateRow {
        var row = self
        row.changes[column] = value
        return row
    }

    /// TB1001's second line: one CUP-02 at 45.50, the order-level cells repeated.
    static let secondLine = TemplateRow(sku: "CUP-02", quantity: "1", price: "45.50")

    /// TB1002: one line of three CUP-02 at 12.30 to another receiver, without discount or freight.
    static let otherOrder = TemplateRow(
        order: "TB1002",
        orderedAt: "2024-06-19 09:00:00",
        paidAt: "2024-06-19 09:01:00",
        receiver: "李示例",
        phone: "13900139000",
        province: "浙江",
        city: "杭州市",
        district: "西湖区",
        address: "示例街2号",
        sku: "CUP-02",
        quantity: "3",
        price: "12.30",
        discount: "",
        freight: "",
        buyerNote: ""
    )

    /// The usual file: TB1001 on rows 2 and 3, TB1002 on row 4.
    static let usualRows = [TemplateRow(), secondLine, otherOrder]

    /// `rows` as a UTF-8 CSV file, header first; a cell holding a comma or a quote is quoted.
    static func csv(_ rows: [TemplateRow]) -> String {
        ([header] + rows.map(\.cells)).map { $0.map(quoted).joined(separator: ",") + "\n" }.joined()
    }

    private static func quoted(_ cell: String) -> String {
        guard cell.contains(",") || cell.contains("\"") else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// TB1001 and TB1002 of ``TemplateRow/usualRows`` as they must be stored, worked out by hand.
///
/// TB1001: 2 × 1,299.00 = 2,598.00 and 1 × 45.50 = 45.50, together 2,643.50. The 10.00 discount spread by amount:
/// 1,000 fen × 259,800 / 264,350 = 982.78 and × 4,550 / 264,350 = 17.21; the floors give 999, and the leftover
/// fen goes to the larger remainder, so 983 and 17. Nets 2,588.17 and 45.33; paid 2,633.50 + 8.00 freight.
/// TB1002: 3 × 12.30 = 36.90, nothing off, no freight.
let usualTradeSummaries = [
    "TB1001 2024-06-18 张示例 13800138000 上海/上海市/黄浦区 示例路1号 note 请尽快发货 | "
        + "MUG-01 2×129900 net 258817; CUP-02 1×4550 net 4533 | freight 800 paid 264150",
    "TB1002 2024-06-19 李示例 13900139000 浙江/杭州市/西湖区 示例街2号 note  | "
        + "CUP-02 3×1230 net 3690 | freight 0 paid 3690",
]

/// A stored trade in one line: order, business day, receiver, note, lines, freight and what the buyer paid.
func summary(_ trade: StoredTrade) -> String {
    let receiver = trade.receiver
    let place = "\(receiver.province)/\(receiver.city)/\(receiver.district)"
    let lines = trade.lines.map { "\($0.merchantCode) \($0.quantity)×\($0.unitPrice.fen) net \($0.net.fen)" }
    return "\(trade.platformOrderID) \(trade.businessDate) \(receiver.name) \(receiver.phone) \(place) "
        + "\(receiver.address) note \(trade.buyerNote) | \(lines.joined(separator: "; ")) | "
        + "freight \(trade.freight.fen) paid \(trade.paid.fen)"
}
