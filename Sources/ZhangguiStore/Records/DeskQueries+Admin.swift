extension DeskQueries {
    /// A shop as the admin pages list it.
    public struct ShopRow: Sendable, Hashable {
        public let id: Int64
        public let code: String
        public let name: String
    }

    /// Every shop of the company with its id, by code: the choices of a user's data scope.
    public func shopRows(companyID: Int64) throws -> [ShopRow] {
        try connection.query("SELECT id, code, name FROM shops WHERE company_id = ? ORDER BY code", companyID).map {
            ShopRow(id: $0.int(0), code: $0.string(1), name: $0.string(2))
        }
    }
}

extension DeskQueries {
    /// The waybill numbers of the parcels holding any of `tradeIDs` of the company, in parcel order.
    public func waybills(ofTrades tradeIDs: Set<Int64>, companyID: Int64) throws -> [String] {
        guard !tradeIDs.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: tradeIDs.count).joined(separator: ", ")
        let arguments: [any SQLBindable] = [companyID] + tradeIDs.sorted()
        return try connection.query(
            """
            SELECT DISTINCT s.id, s.waybill_no FROM trades t JOIN shipments s ON s.id = t.shipment_id
            WHERE t.company_id = ? AND s.waybill_no IS NOT NULL AND t.id IN (\(marks)) ORDER BY s.id
            """,
            arguments
        ).map { $0.string(1) }
    }
}
