import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Platform requests that arrive after shipping become cases, once")
struct PlatformAfterSaleTests {
    @Test("a 退货退款 request for T1 opens one case with every line; opening again opens nothing", arguments: Engine.all)
    func openFromPlatform(engine: Engine) throws {
        let bed = try AfterSaleBed(engine)
        let shopID = try bed.shop.trade(bed.tradeID).shopID
        try bed.shop.database.write { connection in
            let records = AfterSaleRecords(connection)
            let refund = PlatformRefund(
                refundID: "R1",
                platformOrderID: "T1",
                kind: .returnAndRefund,
                status: .requested,
                amount: Money(fen: 20000),
                reason: "不想要了",
                createdAtMillis: 1,
                modifiedAtMillis: 1
            )
            _ = try records.store(refund, shopID: shopID, companyID: bed.shop.companyID)
            try records.setOutcome(
                .afterShipment,
                needsAttention: true,
                refundID: "R1",
                shopID: shopID,
                companyID: bed.shop.companyID
            )
        }
        let first = try bed.service.openFromPlatform(companyID: bed.shop.companyID, audit: bed.audit)
        let again = try bed.service.openFromPlatform(companyID: bed.shop.companyID, audit: bed.audit)
        let opened = try #require(try bed.service.find(first[0], companyID: bed.shop.companyID))

        #expect(first.count == 1)
        #expect(again.isEmpty)
        #expect(opened.kind == .returnAndRefund)
        #expect(opened.reason == "不想要了")
        #expect(opened.lines.map(\.quantity) == [1, 2, 1])
        // 200.00 asked, but the lines sold for 50.00 + 90.40 + 11.30 = 151.70.
        #expect(opened.refund == Money(fen: 15170))
    }
}
