extension IntegrityQueries {
    /// A posted stock document as its lines add up, and what the ledger and its voucher say about it.
    public struct StockNoteTotals: Sendable, Equatable {
        public let document: String
        public let totalFen: Int64
        public let lineQuantity: Int64
        public let lineValueFen: Int64
        /// The voucher's debits, nil when the document has no voucher.
        public let voucherDebitFen: Int64?
    }

    /// Every stock document of the company with its lines' totals and its voucher's debits, by document
    /// (`receipt:RK-000001`).
    public func stockNoteTotals(companyID: Int64) throws -> [StockNoteTotals] {
        try connection.query(
            """
            SELECT n.kind || ':' || n.number, n.total_fen, COALESCE(SUM(l.quantity), 0), COALESCE(SUM(l.value_fen), 0),
                   (SELECT SUM(v.debit_fen) FROM voucher_lines v WHERE v.voucher_id = n.voucher_id)
            FROM stock_notes n LEFT JOIN stock_note_lines l ON l.note_id = n.id
            WHERE n.company_id = ? GROUP BY n.id, n.kind, n.number, n.total_fen, n.voucher_id ORDER BY n.id
            """,
            companyID
        ).map {
            StockNoteTotals(
                document: $0.string(0),
                totalFen: $0.int(1),
                lineQuantity: $0.int(2),
                lineValueFen: $0.int(3),
                voucherDebitFen: $0.optionalInt(4)
            )
        }
    }

    /// On-hand quantity and value the ledger moved per document, for the entries stock documents write
    /// (reasons `receipt` and `issue`).
    public func stockNoteLedger(companyID: Int64) throws -> [String: (quantity: Int64, value: Int64)] {
        try pairs(
            """
            SELECT document, SUM(on_hand_delta), SUM(value_delta_fen) FROM stock_ledger
            WHERE company_id = ? AND reason IN ('receipt', 'issue') GROUP BY document
            """,
            companyID
        )
    }
}
