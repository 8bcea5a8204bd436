import Testing
import ZhangguiCore

@Suite("Vouchers and VAT")
struct LedgerTests {
    @Test(
        "价税分离 at 13 % follows the finance spec's worked figures",
        arguments: [(11_300, 10_000, 1300), (9900, 8761, 1139), (2970, 2628, 342), (100, 88, 12)]
            as [(Int64, Int64, Int64)]
    )
    func splitsVAT(inclusive: Int64, net: Int64, tax: Int64) {
        let split = VATSplit(inclusive: Money(fen: inclusive), rateBasisPoints: 1300)
        #expect(split.net.fen == net)
        #expect(split.tax.fen == tax)
    }

    @Test("a sale of 99.00 costing 52.00 books a voucher of 151.00 on each side")
    func saleVoucherBalances() throws {
        let voucher = try Voucher(
            summary: "销售出库",
            lines: [
                VoucherLine(summary: "应收", accountCode: "1122", debit: Money(fen: 9900)),
                VoucherLine(summary: "收入", accountCode: "5001", credit: Money(fen: 8761)),
                VoucherLine(summary: "销项税", accountCode: "22210106", credit: Money(fen: 1139)),
                VoucherLine(summary: "成本", accountCode: "5401", debit: Money(fen: 5200)),
                VoucherLine(summary: "库存", accountCode: "1405", credit: Money(fen: 5200)),
            ]
        )
        #expect(voucher.total == Money(fen: 15_100))
    }

    @Test("an unbalanced voucher cannot be built")
    func unbalancedIsRefused() {
        #expect(throws: VoucherError(code: .unbalanced(debits: 100, credits: 99), summary: "x")) {
            try Voucher(
                summary: "x",
                lines: [
                    VoucherLine(summary: "", accountCode: "1122", debit: Money(fen: 100)),
                    VoucherLine(summary: "", accountCode: "5001", credit: Money(fen: 99)),
                ]
            )
        }
    }
}
