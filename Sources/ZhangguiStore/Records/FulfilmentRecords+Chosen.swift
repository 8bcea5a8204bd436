extension FulfilmentRecords {
    /// The parcels (shipments) holding any of `tradeIDs` of the company: the parcels a batch step on ticked orders
    /// works on.
    public func shipmentIDs(ofTrades tradeIDs: Set<Int64>, companyID: Int64) throws -> Set<Int64> {
        guard !tradeIDs.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: tradeIDs.count).joined(separator: ", ")
        let arguments: [any SQLBindable] = [companyID] + tradeIDs.sorted()
        return Set(
            try connection.query(
                """
                SELECT DISTINCT shipment_id FROM trades
                WHERE company_id = ? AND shipment_id IS NOT NULL AND id IN (\(marks))
                """,
                arguments
            ).map { $0.int(0) }
        )
    }
}
