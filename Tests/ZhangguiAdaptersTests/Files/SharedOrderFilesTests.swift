import Testing
import ZhangguiAdapters

/// The real exports in `shared/data/orders` stay outside the repository (the Tmall file's licence forbids copying
/// it); these tests read them in place and are skipped where they are absent.
@Suite("Reading real order exports")
struct SharedOrderFilesTests {
    static let uciDayFile = "uci_online_retail/online_retail_2010-12-01.csv"
    static let tmallFile = "tmall_order_report_2020-02.csv"

    @Test(
        "One day of the UCI Online Retail data has 3,108 rows, the first as the file shows it",
        .enabled(if: Fixtures.hasSharedOrders(uciDayFile), "shared/data/orders is not on this machine")
    )
    func uciDay() throws {
        var reader = try TableFiles.open(path: Fixtures.sharedOrders(Self.uciDayFile))
        let first = try #require(try reader.nextRow())
        var count = 1
        while try reader.nextRow() != nil { count += 1 }

        #expect(first.number == 2)
        #expect(
            first.values == [
                "536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "6", "2010-12-01 08:26:00", "2.55", "17850.0",
                "United Kingdom",
            ]
        )
        #expect(first.value("Country") == "United Kingdom")
        #expect(count == 3108)
    }

    @Test(
        "The Tmall order report has 28,010 rows and a header without its trailing spaces",
        .enabled(if: Fixtures.hasSharedOrders(tmallFile), "shared/data/orders is not on this machine")
    )
    func tmallReport() throws {
        var reader = try TableFiles.open(path: Fixtures.sharedOrders(Self.tmallFile))
        var count = 0
        var last: TableRow?
        while let row = try reader.nextRow() {
            count += 1
            last = row
        }

        #expect(reader.header == ["订单编号", "总金额", "买家实际支付金额", "收货地址", "订单创建时间", "订单付款时间", "退款金额"])
        #expect(count == 28_010)
        #expect(last?.number == 28_011)
        #expect(last?.value("订单编号") == "28010")
    }
}
