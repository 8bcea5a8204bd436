/// A courier's offline range of waybill numbers and how far it has been used.
public struct WaybillRange: Sendable, Hashable {
    public let courierCode: String
    public let prefix: String
    /// The number the next waybill gets.
    public let nextNumber: Int64
    /// The last number of the range, included.
    public let lastNumber: Int64

    /// How many numbers are left.
    public var remaining: Int64 { max(0, lastNumber - nextNumber + 1) }
}

extension FulfilmentRecords {
    /// The company's waybill number ranges, by courier code.
    public func waybillRanges(companyID: Int64) throws -> [WaybillRange] {
        try connection.query(
            """
            SELECT courier_code, prefix, next_number, last_number FROM waybill_ranges
            WHERE company_id = ? ORDER BY courier_code
            """,
            companyID
        ).map { row in
            WaybillRange(
                courierCode: row.string(0),
                prefix: row.string(1),
                nextNumber: row.int(2),
                lastNumber: row.int(3)
            )
        }
    }

    /// The highest counter a courier has issued under `prefix`, read from the shipments' waybill numbers; nil when
    /// none was issued. A new range must start above it, or numbers would repeat.
    public func highestIssuedNumber(courierCode: String, prefix: String, companyID: Int64) throws -> Int64? {
        try connection.queryOne(
            """
            SELECT MAX(\(connection.dialect.leadingNumber("SUBSTR(waybill_no, ?)"))) FROM shipments
            WHERE company_id = ? AND courier_code = ? AND SUBSTR(waybill_no, 1, ?) = ?
            """,
            prefix.count + 1,
            companyID,
            courierCode,
            prefix.count,
            prefix
        )?.optionalInt(0)
    }
}
