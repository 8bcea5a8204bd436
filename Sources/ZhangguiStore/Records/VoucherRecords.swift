public import ZhangguiCore

/// Posting vouchers and reading the books.
public struct VoucherRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Posts a voucher dated `date` (`yyyy-MM-dd`, the company's local day) with the next number of its period.
    /// Posted vouchers cannot be changed; corrections are new reversing vouchers.
    /// - Returns: the voucher's id.
    @discardableResult
    public func post(_ voucher: Voucher, date: String, source: String, companyID: Int64) throws -> Int64 {
        let period = String(date.prefix(7))
        let number = try nextNumber(period: period, companyID: companyID)
        let id =
            try connection.queryOne(
                """
                INSERT INTO vouchers (company_id, period, number, voucher_date, summary, source, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                companyID,
                period,
                number,
                date,
                voucher.summary,
                source,
                Clock.nowSeconds()
            )?.int(0) ?? 0
        for (offset, line) in voucher.lines.enumerated() {
            try connection.execute(
                """
                INSERT INTO voucher_lines (company_id, voucher_id, line_no, account_code, summary, debit_fen,
                    credit_fen,
                                           sku_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                companyID,
                id,
                offset + 1,
                line.accountCode,
                line.summary,
                line.debit.fen,
                line.credit.fen,
                line.skuCode
            )
        }
        return id
    }

    /// The gapless number of the next voucher in a period (凭证号).
    private func nextNumber(period: String, companyID: Int64) throws -> Int64 {
        if let row = try connection.queryOne(
            """
            UPDATE voucher_sequences SET last_number = last_number + 1 WHERE company_id = ? AND period = ?
            RETURNING last_number
            """,
            companyID,
            period
        ) {
            return row.int(0)
        }
        try connection.execute(
            "INSERT INTO voucher_sequences (company_id, period, last_number) VALUES (?, ?, 1)",
            companyID,
            period
        )
        return 1
    }

    /// Debit minus credit per account code over all posted vouchers of the company, in fen.
    public func balances(companyID: Int64) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        try connection.forEach(
            "SELECT account_code, SUM(debit_fen) - SUM(credit_fen) FROM voucher_lines WHERE company_id = ? "
                + "GROUP BY account_code",
            [companyID]
        ) { row in result[row.string(0)] = row.int(1) }
        return result
    }
}
