import Foundation
import Testing

@Suite("zhanggui track and zhanggui after-sale as a clerk types them")
struct AfterSaleCommandTests {
    @Test("events from a CSV deliver EX1001 once; one MUG comes back defective and refunded; check passes")
    func trackAndReturn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/examples").standardized
        let events = folder.appendingPathComponent("events.csv")
        try """
        courier,waybill,occurredAt,status,action,detail,place
        ZG,ZG000000000001,2026-12-04T10:00:00+08:00,collected,10,已揽收,上海
        ZG,ZG000000000001,2026-12-05T09:30:00+08:00,delivered,80,"已签收，本人",上海
        ZG,NOPE1,1796000000,inTransit,30,,

        """.write(to: events, atomically: true, encoding: .utf8)
        let log = folder.appendingPathComponent("stderr.log")
        let db = ["--db", folder.appendingPathComponent("shop.sqlite").path]
        let tool = { (words: [String]) in try BuiltTool.run(words + db, log: log) }
        #expect(try tool(["init", "--name", "示例"]).status == 0)
        for (kind, file) in [("products", "products.csv"), ("stock", "opening_stock.csv"), ("orders", "orders.csv")] {
            #expect(try tool(["import", kind, examples.appendingPathComponent(file).path]).status == 0)
        }
        #expect(try tool(["approve", "EX1001"]).status == 0)
        for step in ["allocate", "waybill", "ship"] { #expect(try tool([step]).status == 0) }

        let recorded = try tool(["track", "record", events.path])
        let again = try tool(["track", "record", events.path])
        let shown = try tool(["track", "EX1001"])
        let opened = try tool(["after-sale", "open", "EX1001", "returnAndRefund", "1:1"])
        let early = try tool(["after-sale", "refund", "1"])
        let refusal = try String(contentsOf: log, encoding: .utf8)
        let agreed = try tool(["after-sale", "agree", "1"])
        let foreign = try tool(["after-sale", "receive", "1", "2:defective"])
        let foreignRefusal = try String(contentsOf: log, encoding: .utf8)
        let received = try tool(["after-sale", "receive", "1", "1:defective"])
        let refunded = try tool(["after-sale", "refund", "1"])
        let exchange = try tool(["after-sale", "open", "EX1001", "exchange", "2:1"])
        let earlyReship = try tool(["after-sale", "reship", "2"])
        let exchangeRefusal = try String(contentsOf: log, encoding: .utf8)
        _ = try tool(["after-sale", "agree", "2"])
        _ = try tool(["after-sale", "receive", "2"])
        let reshipped = try tool(["after-sale", "reship", "2"])
        let stock = try tool(["stock", "MUG-01"])
        let check = try tool(["check"])

        #expect(recorded.output.hasPrefix("2 recorded, 0 already known, 1 parcels moved, 1 orders delivered"))
        #expect(recorded.output.contains("not our parcel: ZG/NOPE1"))
        #expect(again.output.hasPrefix("0 recorded, 2 already known, 0 parcels moved, 0 orders delivered"))
        #expect(shown.output.hasPrefix("EX1001: delivered 已签收 2026-12-05 09:30:00"))
        // Line 1: MUG-01 ×2 at 129.00 less 10.00 line discount and its share of the order's: 249.50 for two.
        #expect(opened.output.contains("requested 待处理, refund 124.75"))
        #expect(early.status == 1)
        #expect(refusal.contains("a returnAndRefund case in state requested (待处理) cannot refund"))
        #expect(agreed.status == 0)
        // EX1001 has line 1 (MUG-01) and line 2 (CUP-02); the case covers line 1 only.
        #expect(foreign.status == 2)
        #expect(foreignRefusal.contains("'2:defective': line 2 is not in this case; it covers line 1"))
        #expect(opened.output.hasPrefix("case 1 on order EX1001: returnAndRefund"))
        #expect(received.output.contains("line 1 (MUG-01) × 1 defective"))
        #expect(refunded.output.contains("refunded 已退款"))
        // The exchange of CUP-02 (line 2): named as the clerk knows it, the replacement by its order number.
        #expect(exchange.output.contains("case 2 on order EX1001: exchange"))
        #expect(exchange.output.contains("line 2 (CUP-02)"))
        #expect(earlyReship.status == 1 && exchangeRefusal.contains("zhanggui after-sale: an exchange case in state"))
        #expect(reshipped.output.contains("replacement order EX1001-AS2"))
        // 100 opening − 2 shipped + 1 back, held back from sale.
        #expect(stock.output.contains("MUG-01    MAIN  99        0     1     98"))
        #expect(check.status == 0)
    }
}
