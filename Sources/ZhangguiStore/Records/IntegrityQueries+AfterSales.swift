extension IntegrityQueries {
    /// The documents (`after-sale:<id>`) of the stock ledger's return entries, with the units and value they
    /// brought in.
    public func returnLedger(companyID: Int64) throws -> [String: (quantity: Int64, value: Int64)] {
        var result: [String: (quantity: Int64, value: Int64)] = [:]
        try connection.forEach(
            """
            SELECT document, SUM(on_hand_delta), SUM(value_delta_fen) FROM stock_ledger
            WHERE company_id = ? AND reason = 'return' GROUP BY document
            """,
            [companyID]
        ) { result[$0.string(0)] = ($0.int(1), $0.int(2)) }
        return result
    }

    /// The cases whose returned goods were received (a line has its condition), as `after-sale:<id>`, with what
    /// their return vouchers put into inventory (account `inventoryAccount`), in fen.
    public func receivedReturns(companyID: Int64, inventoryAccount: String) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        try connection.forEach(
            """
            SELECT 'after-sale:' || CAST(c.id AS TEXT), COALESCE((
                SELECT SUM(l.debit_fen) FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id
                WHERE v.company_id = c.company_id AND v.source = 'after-sale:' || CAST(c.id AS TEXT)
                    AND l.account_code = ?), 0)
            FROM after_sale_cases c
            WHERE c.company_id = ? AND EXISTS (
                SELECT 1 FROM after_sale_case_lines l WHERE l.case_id = c.id AND l.condition IS NOT NULL)
            """,
            [inventoryAccount, companyID]
        ) { result[$0.string(0)] = $0.int(1) }
        return result
    }
}
