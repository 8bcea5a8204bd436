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

    /// The highest waybill number of a courier that falls in `first…last` under `prefix`, as issued on a shipment;
    /// nil when none does. Numbers are the prefix and a 12-digit counter, so the range compares as text.
    public func issuedNumber(
        courierCode: String,
        prefix: String,
        first: Int64,
        last: Int64,
        companyID: Int64
    ) throws -> String? {
        try connection.queryOne(
            """
            SELECT MAX(waybill_no) FROM shipments
            WHERE company_id = ? AND courier_code = ? AND waybill_no BETWEEN ? AND ?
            """,
            companyID,
            courierCode,
            WaybillNumber.text(prefix: prefix, counter: first),
            WaybillNumber.text(prefix: prefix, counter: last)
        )?.optionalString(0)
    }
}
