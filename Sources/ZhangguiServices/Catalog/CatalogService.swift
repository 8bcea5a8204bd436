public import ZhangguiCore
public import ZhangguiStore

/// A product as read from a file, with the row it came from.
public struct ProductDraft: Sendable, Hashable {
    public let row: Int
    public let sku: SKU
    /// Components when the product is a combo (组合装); empty for a plain SKU.
    public let components: [ComboComponent]

    public init(row: Int, sku: SKU, components: [ComboComponent] = []) {
        self.row = row
        self.sku = sku
        self.components = components
    }
}

/// 商品资料: adding products and combos to the catalogue.
public struct CatalogService: Sendable {
    public init() {}

    /// Adds `drafts` in the caller's transaction. A code that exists already is a duplicate and changes nothing;
    /// a combo naming an unknown component is refused with its row. Plain SKUs are added before combos, so a combo
    /// may name a SKU from a later row of the same file. `handled` hears how many drafts were dealt with so far,
    /// after each one.
    public func add(
        _ drafts: [ProductDraft],
        into report: inout ImportReport,
        companyID: Int64,
        connection: any DatabaseConnection,
        handled: (Int) -> Void = { _ in }
    ) throws {
        let records = CatalogRecords(connection)
        var count = 0
        for draft in drafts where draft.components.isEmpty {
            defer {
                count += 1
                handled(count)
            }
            guard try barcodeIsFree(draft, into: &report, companyID: companyID, records: records) else { continue }
            if try records.insert(draft.sku, companyID: companyID) != nil {
                report.imported += 1
            } else {
                report.duplicates += 1
            }
        }
        for draft in drafts where !draft.components.isEmpty {
            try addCombo(draft, into: &report, companyID: companyID, records: records, connection: connection)
            count += 1
            handled(count)
        }
    }

    /// Whether the draft's barcode is unused or already its own; refuses the row when another product has it.
    private func barcodeIsFree(
        _ draft: ProductDraft,
        into report: inout ImportReport,
        companyID: Int64,
        records: CatalogRecords
    ) throws -> Bool {
        guard !draft.sku.barcode.isEmpty,
            let owner = try records.code(ofBarcode: draft.sku.barcode, companyID: companyID), owner != draft.sku.code
        else { return true }
        report.refuse(draft.row, column: "条码", "barcode \(draft.sku.barcode) belongs to \(owner) already")
        return false
    }

    private func addCombo(
        _ draft: ProductDraft,
        into report: inout ImportReport,
        companyID: Int64,
        records: CatalogRecords,
        connection: any DatabaseConnection
    ) throws {
        var parts: [(skuID: Int64, quantity: Int64)] = []
        for component in draft.components {
            guard let found = try records.find(code: component.skuCode, companyID: companyID) else {
                report.refuse(draft.row, column: "组合明细", "component \(component.skuCode) is not a known SKU")
                return
            }
            guard !found.isCombo else {
                report.refuse(draft.row, column: "组合明细", "component \(component.skuCode) is itself a combo")
                return
            }
            parts.append((found.id, component.quantity))
        }
        guard let comboID = try records.insert(draft.sku, isCombo: true, companyID: companyID) else {
            report.duplicates += 1
            return
        }
        try records.setComponents(parts, comboID: comboID, companyID: companyID)
        report.imported += 1
    }
}
