import Testing
import ZhangguiCore
import ZhangguiServices

@testable import zhanggui

@Suite("zhanggui stock receive|issue reads its lines and options")
struct StockNoteLinesTests {
    @Test("a receipt line is SKU:QUANTITY:UNIT_COST in yuan, an issue line SKU:QUANTITY")
    func lines() throws {
        let receipt = try StockNoteLines.parse(["A-1:200:10.95"], kind: .receipt, warehouse: "MAIN")
        let issue = try StockNoteLines.parse(["A-1:3", "B:1"], kind: .issue, warehouse: "HZ")

        #expect(
            receipt == [
                StockNoteLineDraft(warehouseCode: "MAIN", skuCode: "A-1", quantity: 200, unitCost: Money(fen: 1095))
            ]
        )
        #expect(issue.map(\.quantity) == [3, 1])
        #expect(issue.allSatisfy { $0.warehouseCode == "HZ" && $0.unitCost == nil })
    }

    @Test(
        "a malformed line is a usage error naming it",
        arguments: [
            (["A:1"], StockNoteKind.receipt, "line 1 'A:1': write SKU:QUANTITY:UNIT_COST"),
            (["A:1", "B:x"], .issue, "line 2 'B:x': the quantity 'x' is not a whole number"),
            (["A:1:abc"], .receipt, "line 1 'A:1:abc': the unit cost 'abc' is not an amount in yuan"),
            ([], .issue, "stock issue needs at least one SKU:QUANTITY"),
        ]
    )
    func malformed(words: [String], kind: StockNoteKind, message: String) {
        #expect(throws: UsageError.self) { try StockNoteLines.parse(words, kind: kind, warehouse: "MAIN") }
        do {
            _ = try StockNoteLines.parse(words, kind: kind, warehouse: "MAIN")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("an issue needs --reason and --warehouse; a receipt defaults to a purchase")
    func options() throws {
        let options: Set<String> = ["warehouse", "reason", "reference", "memo", "limit"]
        let issue = try Arguments(["issue", "A:1", "--warehouse", "MAIN"], flagNames: [], optionNames: options)
        let receipt = try Arguments(["receive", "A:1:2", "--warehouse=MAIN"], flagNames: [], optionNames: options)

        #expect(throws: UsageError.self) { try StockNoteCommands.draft(.issue, issue) }
        #expect(try StockNoteCommands.draft(.receipt, receipt).reason == .purchase)
    }

    @Test("a refusal names the line as typed")
    func refusal() {
        let shortage = StockNoteError.Shortage(sku: "A", warehouse: "MAIN", wanted: 5, available: 2)
        #expect(
            StockNoteCommands.describe(.insufficient(shortage, line: 1), arguments: ["B:1", "A:5"])
                == "not enough stock: SKU A in warehouse MAIN: 5 wanted, 2 available (line 2 'A:5')"
        )
    }
}
