public import ZhangguiCore
import ZhangguiStore

extension LabelService {
    /// Sets the sender printed on labels of parcels leaving warehouse `warehouseCode`.
    /// - Throws: ``LabelError`` `.badSetting` for an empty name, phone or street address, or an unknown warehouse.
    public func setSender(_ sender: Sender, warehouseCode: String, companyID: Int64) throws {
        for (field, value) in [("name", sender.name), ("phone", sender.phone), ("address", sender.address)]
        where value.allSatisfy(\.isWhitespace) {
            throw LabelError(code: .badSetting, detail: "the sender's \(field) must not be empty")
        }
        try database.write { connection in
            let warehouseID = try warehouseID(warehouseCode, companyID: companyID, connection: connection)
            try LabelRecords(connection).setSender(sender, warehouseID: warehouseID, companyID: companyID)
        }
    }

    /// Sets where SKU `skuCode` lies in warehouse `warehouseCode` (库位), such as `A-03-12`.
    /// - Throws: ``LabelError`` `.badSetting` for an empty location or one longer than 32 characters, an unknown
    ///   warehouse or SKU, or a combo (its parts have locations, not the combo).
    public func setLocation(_ location: String, skuCode: String, warehouseCode: String, companyID: Int64) throws {
        try setLocations([(0, skuCode, location)], warehouseCode: warehouseCode, companyID: companyID, source: "")
    }

    /// Sets the locations of many SKUs in one warehouse, all or none: `entries` hold each one's row in `source`
    /// (a file name) for the error.
    /// - Throws: ``LabelError`` `.badSetting` naming the first bad row; then nothing is stored.
    public func setLocations(
        _ entries: [(row: Int, skuCode: String, location: String)],
        warehouseCode: String,
        companyID: Int64,
        source: String
    ) throws {
        try database.write { connection in
            let warehouseID = try warehouseID(warehouseCode, companyID: companyID, connection: connection)
            let catalog = CatalogRecords(connection)
            for entry in entries {
                let at = source.isEmpty ? "" : "\(source) row \(entry.row): "
                let code = LabelText.trimmed(entry.location)
                guard !code.isEmpty, code.count <= 32 else {
                    throw LabelError(
                        code: .badSetting,
                        detail: at + "a bin location is 1 to 32 characters, not '\(entry.location)'"
                    )
                }
                guard let sku = try catalog.find(code: entry.skuCode, companyID: companyID) else {
                    throw LabelError(code: .badSetting, detail: at + "there is no SKU \(entry.skuCode)")
                }
                guard !sku.isCombo else {
                    throw LabelError(
                        code: .badSetting,
                        detail: at + "\(entry.skuCode) is a combo: give its parts their locations"
                    )
                }
                try LabelRecords(connection).setLocation(
                    BinLocation(code),
                    skuID: sku.id,
                    warehouseID: warehouseID,
                    companyID: companyID
                )
            }
        }
    }

    private func warehouseID(_ code: String, companyID: Int64, connection: any DatabaseConnection) throws -> Int64 {
        guard
            let id = try CompanyRecords(connection).warehouses(companyID: companyID)
                .first(where: { $0.warehouse.code == code })?.id
        else { throw LabelError(code: .badSetting, detail: "there is no warehouse \(code)") }
        return id
    }
}
