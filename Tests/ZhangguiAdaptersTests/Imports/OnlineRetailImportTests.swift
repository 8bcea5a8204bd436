import Testing
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("Importing orders in the UCI Online Retail layout")
struct OnlineRetailImportTests {
    /// Made-up invoices: 600001 is a normal invoice with postage, C600002 a credit note, 600003 has a negative
    /// quantity and 600004 a price finer than a fen.
    static let invoices = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        600001,MUG-01,ENAMEL MUG,6,2011-03-01 09:15:00,2.55,12345.0,United Kingdom
        600001,CUP-02,TEA CUP,4,2011-03-01 09:15:00,1.25,12345.0,United Kingdom
        600001,POST,POSTAGE,2,2011-03-01 09:15:00,18.00,12345.0,United Kingdom
        C600002,MUG-01,ENAMEL MUG,-2,2011-03-02 10:00:00,2.55,12345.0,United Kingdom
        600003,MUG-01,ENAMEL MUG,-5,2011-03-03 11:00:00,2.55,23456.0,France
        600004,CUP-02,TEA CUP,1,2011-03-04 12:00:00,0.001,,United Kingdom

        """

    @Test("An invoice imports, a C… credit note is stored cancelled, and bad rows are refused with their columns")
    func invoices() throws {
        let shop = try ImportShop()

        let report = try shop.importFile(.orders, try shop.write("online_retail.csv", Self.invoices))

        #expect(report.rowsRead == 6)
        #expect(report.imported == 1)
        #expect(report.cancelled == 1)
        #expect(report.rowsFailed == 2)
        #expect(
            report.problems == [
                "6 Quantity: '-5' must be at least 1 on an invoice (only C… credit notes are negative)",
                "6 : order 600003 (row 6) not imported because of the errors above",
                "7 UnitPrice: '0.001' has more than two decimal places",
                "7 : order 600004 (row 7) not imported because of the errors above",
            ]
        )
        #expect(
            try shop.trades().map { "\($0.platformOrderID) \($0.state)" } == [
                "600001 pendingReview", "C600002 cancelled",
            ]
        )
    }

    @Test("Postage lines become the invoice's freight: 2 × 18.00 on goods of 15.30 + 5.00")
    func postageBecomesFreight() throws {
        let shop = try ImportShop()
        _ = try shop.importFile(.orders, try shop.write("online_retail.csv", Self.invoices))

        let trade = try #require(try shop.trade("600001"))

        #expect(trade.lines.map(\.merchantCode) == ["MUG-01", "CUP-02"])
        #expect(trade.lines.map(\.net.fen) == [1_530, 500])
        #expect(trade.freight.fen == 3_600)
        #expect(trade.paid.fen == 5_630)
        #expect(trade.businessDate == "2011-03-01")
    }

    @Test("A credit note keeps its quantities as positive units and never waits for review")
    func creditNote() throws {
        let shop = try ImportShop()
        _ = try shop.importFile(.orders, try shop.write("online_retail.csv", Self.invoices))

        let trade = try #require(try shop.trade("C600002"))

        #expect(trade.state == .cancelled)
        #expect(trade.lines.map(\.quantity) == [2])
        #expect(trade.paid.fen == 510)
    }

    @Test("Each customer gets a made-up receiver built from the customer id")
    func madeUpReceiver() throws {
        let shop = try ImportShop()
        _ = try shop.importFile(.orders, try shop.write("online_retail.csv", Self.invoices))

        let receiver = try #require(try shop.trade("600001")).receiver

        // 12345 % 200 + 1 = 146.
        #expect(
            receiver
                == Receiver(
                    name: "示例客户12345",
                    phone: "13800012345",
                    province: "上海市",
                    city: "上海市",
                    district: "黄浦区",
                    address: "示例路146号(虚构地址)"
                )
        )
    }

    @Test("Importing the same invoices again stores nothing twice, the credit note included")
    func reimport() throws {
        let shop = try ImportShop()
        let path = try shop.write("online_retail.csv", Self.invoices)
        _ = try shop.importFile(.orders, path)

        let again = try shop.importFile(.orders, path)

        #expect(again.imported == 0)
        #expect(again.cancelled == 0)
        #expect(again.duplicates == 2)
        #expect(try shop.count("trades") == 2)
    }
}
