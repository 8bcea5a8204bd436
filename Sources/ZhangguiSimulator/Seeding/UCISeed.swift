import ZhangguiAdapters

/// Orders made from the UCI Online Retail invoices the repository ships (`Data/orders/uci_online_retail`): one
/// order per invoice, its lines with their real stock codes (as 商家编码), descriptions, quantities and prices
/// (the file's pounds read as yuan). Credit notes (`C…`), postage lines and lines without a positive quantity
/// and price are left out. Receivers are made up. Orders are created paid, `spacingMillis` apart from
/// `startMillis` (default: now), so a demo shop fills up as the clock runs.
public enum UCISeed {
    static let postageCodes: Set<String> = ["POST", "DOT", "C2", "M", "BANK CHARGES", "AMAZONFEE"]

    /// Seeds up to `limit` orders into a shop.
    /// - Returns: the orders created.
    @discardableResult
    public static func seed(
        world: SimWorld,
        shopID: String,
        path: String,
        limit: Int,
        startMillis: Int64? = nil,
        spacingMillis: Int64 = 1000
    ) throws -> [SimOrder] {
        let start = startMillis ?? world.nowMillis
        return try invoices(path: path, limit: limit).enumerated().map { index, lines in
            let draft = SimOrderDraft(lines: lines, createdMillis: start + Int64(index) * spacingMillis, isPaid: true)
            return try world.createOrder(shopID: shopID, draft)
        }
    }

    /// The lines of the first `limit` invoices of a file that have any line left after the filters.
    public static func invoices(path: String, limit: Int) throws -> [[SimOrderLine]] {
        var reader = try TableFiles.open(path: path)
        var invoices: [[SimOrderLine]] = []
        var invoice = ""
        var lines: [SimOrderLine] = []
        while invoices.count < limit, let row = try reader.nextRow() {
            let number = row.value("InvoiceNo") ?? ""
            if number != invoice {
                if !lines.isEmpty { invoices.append(lines) }
                invoice = number
                lines = []
            }
            if let line = line(from: row), !number.hasPrefix("C") { lines.append(line) }
        }
        if !lines.isEmpty, invoices.count < limit { invoices.append(lines) }
        return invoices
    }

    private static func line(from row: TableRow) -> SimOrderLine? {
        guard let code = row.value("StockCode"), !code.isEmpty, !postageCodes.contains(code),
            let quantity = Int64(row.value("Quantity") ?? ""), quantity > 0,
            let price = YuanText.fen(row.value("UnitPrice") ?? ""), price > 0
        else { return nil }
        let hash = stableHash(code)
        return SimOrderLine(
            itemID: String(600_000_000_000 + Int64(hash % 1_000_000_000)),
            skuID: String(5_000_000_000 + Int64(hash % 1_000_000_000)),
            outerID: code,
            title: row.value("Description") ?? code,
            quantity: quantity,
            unitPriceFen: price
        )
    }

    /// FNV-1a, so the same stock code gives the same listing ids in every run.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
