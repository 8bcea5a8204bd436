import Testing
import ZhangguiCore

@testable import zhanggui

@Suite("Which trade an order number means")
struct OrderLookupTests {
    /// EX1 in two shops, split in A; EX2 only in B.
    private let matches: [OrderLookup.Match] = [(11, "A", 0), (12, "A", 1), (21, "B", 0)]

    @Test("with --shop, the first part of the order in that shop")
    func inTheNamedShop() throws {
        #expect(try OrderLookup.choose(matches, order: "EX1", shop: "A") == 11)
        #expect(try OrderLookup.choose(matches, order: "EX1", shop: "B") == 21)
    }

    @Test("without --shop, an order number in two shops is refused, naming them")
    func ambiguous() {
        do {
            _ = try OrderLookup.choose(matches, order: "EX1", shop: nil)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description == "order EX1 exists in shops A, B; name one with --shop CODE")
        }
    }

    @Test("without --shop, an order in one shop is its first part, whatever order the parts come in")
    func oneShop() throws {
        #expect(try OrderLookup.choose([(12, "A", 1), (11, "A", 0)], order: "EX1", shop: nil) == 11)
    }

    @Test("no match is refused, saying where the order is when it is elsewhere")
    func missing() {
        #expect(throws: Refusal.self) { try OrderLookup.choose([], order: "EX9", shop: nil) }
        do {
            _ = try OrderLookup.choose([(21, "B", 0)], order: "EX2", shop: "A")
        } catch {
            #expect(error.description == "no order EX2 in shop A (it is in shop B)")
        }
    }

    @Test(
        "ORDER-N as the order list shows split parts",
        arguments: [("536381-1", "536381", 1), ("A-B-12", "A-B", 12)] as [(String, String, Int64)]
    )
    func splitParts(text: String, order: String, part: Int64) throws {
        let parsed = try #require(OrderLookup.splitPart(text))
        #expect(parsed.order == order)
        #expect(parsed.part == part)
    }

    @Test("other names are not split parts", arguments: ["536381", "536381-0", "-1", "EX-", "EX-x"])
    func notSplitParts(text: String) {
        #expect(OrderLookup.splitPart(text) == nil)
    }

    @Test("a state is found by its English or Chinese name")
    func stateNames() throws {
        #expect(try OrderCommands.tradeState(named: "挂起") == .onHold)
        #expect(try OrderCommands.tradeState(named: "onHold") == .onHold)
        #expect(try OrderCommands.tradeState(named: "ONHOLD") == .onHold)
        #expect(try OrderCommands.tradeState(named: "已发货") == .shipped)
        #expect(throws: UsageError.self) { try OrderCommands.tradeState(named: "paid") }
    }
}
