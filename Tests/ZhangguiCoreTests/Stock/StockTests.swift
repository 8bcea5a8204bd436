import Testing
import ZhangguiCore

@Suite("Stock arithmetic")
struct StockLevelTests {
    @Test("available is on hand less reserved less frozen")
    func availableIsOnHandLessReservedAndFrozen() {
        #expect(StockLevel(onHand: 10, reserved: 3, frozen: 2).available == 5)
    }

    @Test("reserving more than is available is refused and changes nothing")
    func reservingTooMuchIsRefused() {
        let level = StockLevel(onHand: 5)
        #expect(throws: StockError.self) { try level.applying(.reserve(8)) }
        #expect(level.available == 5)
    }

    @Test("shipping reserved units lowers on hand and reserved together")
    func shippingLowersBoth() throws {
        let level = try StockLevel(onHand: 10).applying(.reserve(4)).applying(.ship(4))
        #expect(level == StockLevel(onHand: 6, reserved: 0, frozen: 0))
    }

    @Test("freezing cannot take available below zero")
    func freezingIsBounded() throws {
        let level = try StockLevel(onHand: 10).applying(.reserve(7))
        #expect(throws: StockError.self) { try level.applying(.freeze(4)) }
        #expect(try level.applying(.freeze(3)).available == 0)
    }
}

@Suite("Moving weighted average cost (移动加权平均)")
struct MovingAverageCostTests {
    @Test("10 @ 10.00 then 10 @ 20.00 averages 15.00; shipping 5 costs 75.00 and leaves 15 @ 15.00")
    func averagesAndIssues() throws {
        var cost = MovingAverageCost()
        cost.receive(quantity: 10, totalCost: Money(fen: 10_000))
        cost.receive(quantity: 10, totalCost: Money(fen: 20_000))
        #expect(cost.unitCost == Money(fen: 1500))
        #expect(try cost.issue(quantity: 5) == Money(fen: 7500))
        #expect(cost.quantity == 15)
        #expect(cost.value == Money(fen: 22_500))
        #expect(cost.unitCost == Money(fen: 1500))
    }

    @Test("the worked example of the finance spec: COGS 3,629.00 and 70 left worth 791.00")
    func financeSpecExample() throws {
        var cost = MovingAverageCost()
        cost.receive(quantity: 100, totalCost: Money(fen: 100_000))
        cost.receive(quantity: 200, totalCost: Money(fen: 219_000))
        let first = try cost.issue(quantity: 150)
        cost.receive(quantity: 100, totalCost: Money(fen: 123_000))
        let second = try cost.issue(quantity: 180)
        #expect(first == Money(fen: 159_500))
        #expect(second == Money(fen: 203_400))
        #expect(cost.quantity == 70)
        #expect(cost.value == Money(fen: 79_100))
    }

    @Test("3 units worth 10.00: one costs 3.33, the last two take the remaining 6.67")
    func lastUnitsTakeTheRest() throws {
        var cost = MovingAverageCost(quantity: 3, value: Money(fen: 1000))
        #expect(try cost.issue(quantity: 1) == Money(fen: 333))
        #expect(try cost.issue(quantity: 2) == Money(fen: 667))
        #expect(cost.value.isZero)
    }

    @Test("issuing more than is on hand is refused")
    func cannotIssueMoreThanOnHand() {
        var cost = MovingAverageCost(quantity: 2, value: Money(fen: 200))
        #expect(throws: StockError.self) { try cost.issue(quantity: 3) }
        #expect(cost.quantity == 2)
    }
}
