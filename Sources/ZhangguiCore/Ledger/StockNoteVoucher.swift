/// The voucher of a stock document (入库单 or 出库单): inventory against the account its reason names.
///
/// A receipt debits 1405 库存商品 per SKU and credits the reason's account (应付账款 for a purchase,
/// 待处理财产损溢 for other receipts) with the total. An issue debits the reason's expense account per SKU and
/// credits inventory with the total, at the moving-average cost the goods left at.
public enum StockNoteVoucher {
    /// The balanced voucher, or nil when the goods are worth nothing (a voucher of zeros says nothing).
    /// - Parameters:
    ///   - number: the document's number, for the summary (摘要).
    ///   - values: the value of each line with its SKU code; lines of one SKU are added together.
    /// - Throws: ``VoucherError``, which a sum of non-negative values never causes.
    public static func make(
        kind: StockNoteKind,
        reason: StockNoteReason,
        number: String,
        values: [(skuCode: String, value: Money)],
        standard: AccountingStandard,
        currency: Currency
    ) throws(VoucherError) -> Voucher? {
        // Known limitation: damaged goods do not transfer their input VAT out (进项税额转出) and samples are not
        // booked as deemed sales (视同销售). Zhanggui books no input VAT yet, so there is nothing to transfer; the
        // accountant adds both by hand, and the inventory figures stay exact meanwhile.
        let total = values.map(\.value).sum(currency: currency)
        guard !total.isZero else { return nil }
        var bySKU: [String: Money] = [:]
        for line in values { bySKU[line.skuCode, default: .zero(currency)] += line.value }
        let summary = "\(reason.chineseName(for: kind)) \(number)"
        let inventory = standard.account(for: .inventory).code
        let counter = standard.account(for: reason.counterAccount).code
        let perSKU = bySKU.keys.sorted().map { sku in
            VoucherLine(
                summary: summary,
                accountCode: kind == .receipt ? inventory : counter,
                debit: bySKU[sku]!,
                skuCode: sku
            )
        }
        let other = VoucherLine(summary: summary, accountCode: kind == .receipt ? counter : inventory, credit: total)
        return try Voucher(summary: summary, lines: perSKU + [other])
    }
}
