/// A shop's own platform codes for our couriers (`shop_courier_codes`), which win over the built-in table.
public struct ShopCourierCodeRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Sets the platform's code for our courier `courierCode` in one shop, replacing any earlier one.
    public func set(courierCode: String, platformCode: String, shopID: Int64, companyID: Int64) throws {
        try connection.execute(
            """
            INSERT INTO shop_courier_codes (company_id, shop_id, courier_code, platform_code, updated_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (company_id, shop_id, courier_code) DO UPDATE SET platform_code = excluded.platform_code,
                updated_at = excluded.updated_at
            """,
            [companyID, shopID, courierCode, platformCode, Clock.nowSeconds()] as [any SQLBindable]
        )
    }

    /// Removes a shop's own code for `courierCode`, so the built-in table applies again; false when there was none.
    @discardableResult
    public func remove(courierCode: String, shopID: Int64, companyID: Int64) throws -> Bool {
        try connection.execute(
            "DELETE FROM shop_courier_codes WHERE company_id = ? AND shop_id = ? AND courier_code = ?",
            companyID,
            shopID,
            courierCode
        ) > 0
    }

    /// The shop's own codes, by our courier code.
    public func all(shopID: Int64, companyID: Int64) throws -> [String: String] {
        var codes: [String: String] = [:]
        for row in try connection.query(
            "SELECT courier_code, platform_code FROM shop_courier_codes WHERE company_id = ? AND shop_id = ?",
            companyID,
            shopID
        ) {
            codes[row.string(0)] = row.string(1)
        }
        return codes
    }
}
