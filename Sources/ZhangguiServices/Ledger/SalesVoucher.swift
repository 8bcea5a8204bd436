import ZhangguiCore
import ZhangguiStore

/// One shipped trade line as the books see it: what it sold for and what its goods cost.
struct ShippedLine {
    let skuCode: String
    let net: Money
    let cost: Money
}

/// Collects shipped trades into one summary voucher (销售出库汇总凭证), the way sellers' accountants book
/// platform sales: receivable for what the buyers paid; revenue per SKU and for freight, each split from its VAT
/// per trade line (价税分离, so every line's net and tax add back to what it sold for); output VAT; cost of goods
/// per SKU against inventory. Each order's own figures stay traceable through the stock ledger (document
/// `trade:<id>` with the cost it left at) and the trade lines (what each sold for).
struct SalesVoucher {
    private let context: CompanyContext
    private var receivable: Money
    private var tax: Money
    private var freightRevenue: Money
    private var revenueBySKU: [String: Money] = [:]
    private var costBySKU: [String: Money] = [:]
    private(set) var trades = 0

    init(context: CompanyContext) {
        self.context = context
        receivable = .zero(context.currency)
        tax = .zero(context.currency)
        freightRevenue = .zero(context.currency)
    }

    /// Adds one shipped trade.
    mutating func add(lines: [ShippedLine], freight: Money) {
        let rate = context.company.vatRateBasisPoints
        for line in lines {
            let split = VATSplit(inclusive: line.net, rateBasisPoints: rate)
            revenueBySKU[line.skuCode, default: .zero(context.currency)] += split.net
            costBySKU[line.skuCode, default: .zero(context.currency)] += line.cost
            tax += split.tax
            receivable += line.net
        }
        let freightSplit = VATSplit(inclusive: freight, rateBasisPoints: rate)
        freightRevenue += freightSplit.net
        tax += freightSplit.tax
        receivable += freight
        trades += 1
    }

    /// Revenue net of VAT, for summaries.
    var revenue: Money { revenueBySKU.values.sum(currency: context.currency) + freightRevenue }

    /// The balanced voucher, or nil when nothing was added.
    func voucher(date: String) throws -> Voucher? {
        guard trades > 0 else { return nil }
        let summary = "销售出库汇总 \(date) \(trades)笔"
        var lines = [VoucherLine(summary: summary, accountCode: context.account(.receivable), debit: receivable)]
        for sku in revenueBySKU.keys.sorted() {
            lines.append(
                VoucherLine(
                    summary: summary,
                    accountCode: context.account(.salesRevenue),
                    credit: revenueBySKU[sku]!,
                    skuCode: sku
                )
            )
        }
        lines.append(VoucherLine(summary: "运费收入", accountCode: context.account(.salesRevenue), credit: freightRevenue))
        lines.append(VoucherLine(summary: summary, accountCode: context.account(.outputVAT), credit: tax))
        for sku in costBySKU.keys.sorted() {
            lines.append(
                VoucherLine(
                    summary: summary,
                    accountCode: context.account(.costOfGoodsSold),
                    debit: costBySKU[sku]!,
                    skuCode: sku
                )
            )
        }
        let totalCost = costBySKU.values.sum(currency: context.currency)
        lines.append(VoucherLine(summary: summary, accountCode: context.account(.inventory), credit: totalCost))
        return try Voucher(summary: summary, lines: lines)
    }
}
