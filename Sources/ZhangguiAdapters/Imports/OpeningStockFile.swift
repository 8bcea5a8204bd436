import ZhangguiCore
import ZhangguiServices

/// The 期初库存 import template: one warehouse and SKU per row.
///
/// Columns: 仓库 (warehouse code), 商家编码, 数量 and 单位成本 (cost of one unit, VAT excluded), all required.
enum OpeningStockFile {
    static let requiredColumns = ["仓库", "商家编码", "数量", "单位成本"]

    static func read(_ reader: inout any TableReader, currency: Currency, report: inout ImportReport) throws
        -> [OpeningStockLine]
    {
        report.issues += requireColumns(requiredColumns, in: reader)
        guard report.issues.isEmpty else { return [] }
        var lines: [OpeningStockLine] = []
        var seen: [String: Int] = [:]
        while let row = try reader.nextRow() {
            report.rowsRead += 1
            var fields = RowFields(row, file: reader.fileName)
            let line = OpeningStockLine(
                row: row.number,
                warehouseCode: fields.required("仓库"),
                skuCode: fields.required("商家编码"),
                quantity: fields.positiveQuantity("数量"),
                unitCost: fields.money("单位成本", currency: currency)
            )
            let key = "\(line.warehouseCode)/\(line.skuCode)"
            if let earlier = seen[key] {
                fields.fail("商家编码", "\(key) appears again (first on row \(earlier))")
            }
            guard fields.isValid else {
                report.rowsFailed += 1
                report.issues += fields.issues
                continue
            }
            seen[key] = row.number
            lines.append(line)
        }
        return lines
    }
}
