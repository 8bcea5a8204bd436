import Testing
import ZhangguiCore

@Suite("A stock document's voucher puts inventory against the account of its reason")
struct StockNoteVoucherTests {
    @Test("a purchase receipt of two SKUs: Dr 1405 per SKU, Cr 2202 with the total")
    func purchaseReceipt() throws {
        let voucher = try #require(
            try StockNoteVoucher.make(
                kind: .receipt,
                reason: .purchase,
                number: "RK-000001",
                values: [("B", Money(fen: 500)), ("A", Money(fen: 219_000)), ("B", Money(fen: 250))],
                standard: .smallEnterprise,
                currency: .cny
            )
        )

        #expect(voucher.summary == "采购入库 RK-000001")
        #expect(voucher.lines.map(\.accountCode) == ["1405", "1405", "2202"])
        #expect(voucher.lines.map(\.skuCode) == ["A", "B", nil])
        #expect(voucher.lines.map(\.debit.fen) == [219_000, 750, 0])
        #expect(voucher.lines.map(\.credit.fen) == [0, 0, 219_750])
    }

    @Test(
        "an issue debits the reason's account in each standard and credits 1405",
        arguments: [
            (StockNoteReason.damaged, AccountingStandard.smallEnterprise, "5711"),
            (.damaged, .enterprise, "6711"),
            (.sample, .smallEnterprise, "5601"),
            (.sample, .enterprise, "6601"),
            (.internalUse, .smallEnterprise, "5602"),
            (.internalUse, .enterprise, "6602"),
            (.other, .enterprise, "1901"),
        ]
    )
    func issue(reason: StockNoteReason, standard: AccountingStandard, account: String) throws {
        let voucher = try #require(
            try StockNoteVoucher.make(
                kind: .issue,
                reason: reason,
                number: "CK-000007",
                values: [("A", Money(fen: 159_500))],
                standard: standard,
                currency: .cny
            )
        )

        #expect(voucher.lines.map(\.accountCode) == [account, "1405"])
        #expect(voucher.total == Money(fen: 159_500))
    }

    @Test("goods worth nothing make no voucher")
    func zeroValue() throws {
        let voucher = try StockNoteVoucher.make(
            kind: .receipt,
            reason: .other,
            number: "RK-000002",
            values: [("A", Money(fen: 0))],
            standard: .smallEnterprise,
            currency: .cny
        )
        #expect(voucher == nil)
    }

    @Test("numbers run RK-000001 on, and each kind allows its own reasons")
    func numbersAndReasons() {
        #expect(StockNoteKind.receipt.number(1) == "RK-000001")
        #expect(StockNoteKind.issue.number(1_234_567) == "CK-1234567")
        #expect(StockNoteKind.receipt.reasons == [.purchase, .other])
        #expect(StockNoteKind.issue.reasons == [.damaged, .sample, .internalUse, .other])
        #expect(StockNoteReason.other.chineseName(for: .issue) == "其他出库")
    }
}
