import ZhangguiCore
import ZhangguiStore

/// One shipped trade line as the books see it: what it sold for and what its goods cost.
struct ShippedLine {
    let skuCode: String
    let net: Money
    let cost: Money
}

/// Builds the voucher of a shipped trade (销售出库凭证): receivable for what the buyer paid; revenue and output VAT
/// split per line (价税分离) and for the freight; cost of goods per SKU against inventory.
enum SalesVoucher {
    static func make(
        platformOrderID: String,
        lines: [ShippedLine],
        freight: Money,
        context: CompanyContext
    ) throws -> Voucher {
        let rate = context.company.vatRateBasisPoints
        let summary = "销售出库 \(platformOrderID)"
        let currency = context.currency
        var voucherLines: [VoucherLine] = []
        var tax = Money.zero(currency)
        var received = freight
        for line in lines {
            let split = VATSplit(inclusive: line.net, rateBasisPoints: rate)
            tax += split.tax
            received += line.net
            voucherLines.append(
                VoucherLine(
                    summary: summary,
                    accountCode: context.account(.salesRevenue),
                    credit: split.net,
                    skuCode: line.skuCode
                )
            )
        }
        let freightSplit = VATSplit(inclusive: freight, rateBasisPoints: rate)
        tax += freightSplit.tax
        voucherLines.append(
            VoucherLine(summary: "运费收入", accountCode: context.account(.salesRevenue), credit: freightSplit.net)
        )
        voucherLines.append(VoucherLine(summary: summary, accountCode: context.account(.outputVAT), credit: tax))
        voucherLines.insert(
            VoucherLine(summary: summary, accountCode: context.account(.receivable), debit: received),
            at: 0
        )
        for line in lines {
            voucherLines.append(
                VoucherLine(
                    summary: summary,
                    accountCode: context.account(.costOfGoodsSold),
                    debit: line.cost,
                    skuCode: line.skuCode
                )
            )
        }
        let totalCost = lines.map(\.cost).sum(currency: currency)
        voucherLines.append(VoucherLine(summary: summary, accountCode: context.account(.inventory), credit: totalCost))
        return try Voucher(summary: summary, lines: voucherLines)
    }
}
