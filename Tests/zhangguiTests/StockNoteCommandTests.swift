import Foundation
import Testing

@Suite("zhanggui stock receive|issue as a clerk types it")
struct StockNoteCommandTests {
    @Test("receive 200 at 10.95, issue 150 at 1,642.50; asking for 51 of the 50 left is refused and check passes")
    func receiveAndIssue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let products = folder.appendingPathComponent("products.csv")
        try "商家编码,商品名称,吊牌价\nMUG-01,示例保温杯,129.00\n".write(to: products, atomically: true, encoding: .utf8)
        let log = folder.appendingPathComponent("stderr.log")
        let db = ["--db", folder.appendingPathComponent("shop.sqlite").path]
        let tool = { (words: [String]) in try BuiltTool.run(words + db, log: log) }

        #expect(try tool(["init", "--name", "示例"]).status == 0)
        #expect(try tool(["import", "products", products.path]).status == 0)
        let received = try tool(["stock", "receive", "--warehouse", "MAIN", "MUG-01:200:10.95"])
        let issued = try tool(["stock", "issue", "--warehouse", "MAIN", "--reason", "damaged", "MUG-01:150"])
        let refused = try tool(["stock", "issue", "--warehouse", "MAIN", "--reason", "sample", "MUG-01:51"])
        let refusal = try String(contentsOf: log, encoding: .utf8)
        let check = try tool(["check"])

        #expect(received.status == 0)
        #expect(received.output.hasPrefix("入库单 RK-000001 (采购入库) posted: 1 line, 200 units, 2,190.00 yuan"))
        #expect(issued.status == 0)
        #expect(issued.output.hasPrefix("出库单 CK-000001 (报损) posted: 1 line, 150 units, 1,642.50 yuan"))
        #expect(refused.status == 1)
        #expect(refusal.contains("not enough stock: SKU MUG-01 in warehouse MAIN: 51 wanted, 50 available (line 1"))
        #expect(check.status == 0)
    }
}
