import ZhangguiCore
import ZhangguiServices

/// The 商品资料 import template: one product per row.
///
/// Columns: 商家编码, 商品名称 and 吊牌价 are required; 条码, 规格, 重量(克) and 组合明细 are optional (重量 may
/// also be headed `重量（克）` with full-width brackets, as Chinese input methods type it, or just `重量`). A combo
/// (组合装) lists its components in 组合明细 as `code*quantity` separated by `;`, such as `A-001*1;B-002*3`.
enum ProductFile {
    static let requiredColumns = ["商家编码", "商品名称", "吊牌价"]

    /// Reads every row; returns the products of the good rows and fills `report` with the bad ones.
    static func read(_ reader: inout any TableReader, currency: Currency, report: inout ImportReport) throws
        -> [ProductDraft]
    {
        report.issues += requireColumns(requiredColumns, in: reader)
        guard report.issues.isEmpty else { return [] }
        var drafts: [ProductDraft] = []
        var seen: [String: Int] = [:]
        var seenBarcodes: [String: Int] = [:]
        while let row = try reader.nextRow() {
            report.rowsRead += 1
            var fields = RowFields(row, file: reader.fileName)
            let sku = SKU(
                code: fields.required("商家编码"),
                barcode: fields.text("条码"),
                name: fields.required("商品名称"),
                spec: fields.text("规格"),
                weightGrams: weight(&fields),
                listPrice: fields.money("吊牌价", currency: currency)
            )
            let components = combo(&fields, code: sku.code)
            if let earlier = seen[sku.code], !sku.code.isEmpty {
                fields.fail("商家编码", "\(sku.code) appears again (first on row \(earlier))")
            }
            if let earlier = seenBarcodes[sku.barcode], !sku.barcode.isEmpty {
                fields.fail("条码", "barcode \(sku.barcode) appears again (first on row \(earlier))")
            }
            guard fields.isValid else {
                report.rowsFailed += 1
                report.issues += fields.issues
                continue
            }
            seen[sku.code] = row.number
            if !sku.barcode.isEmpty { seenBarcodes[sku.barcode] = row.number }
            drafts.append(ProductDraft(row: row.number, sku: sku, components: components))
        }
        return drafts
    }

    /// The names the weight column goes by; the first one the file has is read.
    private static let weightColumns = ["重量(克)", "重量（克）", "重量"]

    private static func weight(_ fields: inout RowFields) -> Int64 {
        guard let column = weightColumns.first(where: { fields.row.value($0) != nil }) else { return 0 }
        let text = fields.text(column)
        guard !text.isEmpty else { return 0 }
        guard let grams = RowFields.wholeNumber(text), grams >= 0 else {
            fields.fail(column, "'\(text)' is not a weight in grams")
            return 0
        }
        return grams
    }

    private static func combo(_ fields: inout RowFields, code: String) -> [ComboComponent] {
        let text = fields.text("组合明细")
        guard !text.isEmpty else { return [] }
        var components: [ComboComponent] = []
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "；" }) {
            let pieces = part.split(separator: "*").map { String($0).trimmed }
            guard pieces.count == 2, !pieces[0].isEmpty, let quantity = Int64(pieces[1]), quantity > 0 else {
                fields.fail("组合明细", "'\(part)' is not code*quantity")
                return []
            }
            components.append(ComboComponent(skuCode: pieces[0], quantity: quantity))
        }
        do {
            return try Combo(code: code, components: components).components
        } catch {
            fields.fail("组合明细", error.description)
            return []
        }
    }
}
