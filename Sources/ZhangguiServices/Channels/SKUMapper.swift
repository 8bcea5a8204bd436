import ZhangguiCore
import ZhangguiStore

/// Maps the SKUs of platform order lines to ours (商品匹配): by hand first, then by 商家编码 equal to one of our SKU
/// or combo codes, then by 商家编码 equal to one of our barcodes. A combo maps as itself; review expands it into
/// its components.
struct SKUMapper {
    let catalog: CatalogIndex
    /// Hand mappings by ``PlatformSKURecords/key(itemID:skuID:)``.
    let hand: [String: Int64]

    /// How one line maps.
    struct Resolution {
        /// The code the trade line carries: ours when mapped, the platform's otherwise.
        let code: String
        /// Our SKU or combo id, nil when unmapped.
        let skuID: Int64?
        /// The automatic mapping to record for the listing SKU (nil when by hand or unmapped).
        let automatic: (skuID: Int64, source: SKUMappingSource)?
    }

    func resolve(_ line: PlatformOrderLine) -> Resolution {
        if let id = hand[PlatformSKURecords.key(itemID: line.itemID, skuID: line.skuID)],
            let entry = catalog.entry(forSKUID: id)
        {
            return Resolution(code: entry.code, skuID: id, automatic: nil)
        }
        if !line.outerID.isEmpty, let entry = catalog.byCode[line.outerID] {
            return Resolution(code: entry.code, skuID: entry.id, automatic: (entry.id, .outerID))
        }
        if !line.outerID.isEmpty, let entry = catalog.byBarcode[line.outerID] {
            return Resolution(code: entry.code, skuID: entry.id, automatic: (entry.id, .barcode))
        }
        return Resolution(code: Self.platformCode(of: line), skuID: nil, automatic: nil)
    }

    /// What an unmapped line shows as its code: the 商家编码, or `sku:` and the platform's SKU (or item) id when it
    /// has none, which no code of ours can be mistaken for.
    static func platformCode(of line: PlatformOrderLine) -> String {
        if !line.outerID.isEmpty { return line.outerID }
        return "sku:" + (line.skuID.isEmpty ? line.itemID : line.skuID)
    }
}
