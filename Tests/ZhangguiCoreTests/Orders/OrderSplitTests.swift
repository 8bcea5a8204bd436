import Testing
import ZhangguiCore

/// The issue's order: two lines of 83 units, each with a line discount, a 10.00 order discount and 8.00 freight.
///
/// Line A: 83 × 12.34 − 1.00 = 1,023.22; line B: 83 × 5.67 − 0.07 = 470.54; together 1,493.76.
/// The order discount 1,000 fen over 102,322 and 47,054: floors 684 and 314 (remainders 148,816 and 560), the
/// spare fen to A → shares 685 and 315. Nets: A 102,322 − 685 = 101,637; B 47,054 − 315 = 46,739.
private let issueLines = [
    LineMoney(quantity: 83, unitPrice: Money(fen: 1234), discount: Money(fen: 100), net: Money(fen: 101_637)),
    LineMoney(quantity: 83, unitPrice: Money(fen: 567), discount: Money(fen: 7), net: Money(fen: 46_739)),
]

@Suite("Splitting an order by hand keeps every amount exact to the fen")
struct OrderSplitTests {
    @Test("10 of each of two lines of 83 move: 73 and 73 stay, and the money divides pro rata by largest remainder")
    func tenOfEachOf83() throws {
        let split = try OrderSplit(
            lines: issueLines,
            moves: [SplitMove(lineIndex: 0, quantity: 10), SplitMove(lineIndex: 1, quantity: 10)],
            discount: Money(fen: 1000),
            freight: Money(fen: 800)
        )

        // A's line discount 100 over 73 and 10 units: 7,300 / 83 = 87 r 79, 1,000 / 83 = 12 r 4 → the spare fen to
        // the 73 → 88 and 12. A's order-discount share 685: 50,005 / 83 = 602 r 39, 6,850 / 83 = 82 r 44 → the spare
        // fen to the 10 → 602 and 83. Nets: 73 × 12.34 − 0.88 − 6.02 = 893.92; 10 × 12.34 − 0.12 − 0.83 = 122.45.
        // B's line discount 7: 511 / 83 = 6 r 13, 70 / 83 = 0 r 70 → 6 and 1. B's share 315: 22,995 / 83 = 277 r 4,
        // 3,150 / 83 = 37 r 79 → 277 and 38. Nets: 73 × 5.67 − 0.06 − 2.77 = 411.08; 10 × 5.67 − 0.01 − 0.38 = 56.31.
        #expect(split.kept.map(\.money.quantity) == [73, 73])
        #expect(split.moved.map(\.money.quantity) == [10, 10])
        #expect(split.kept.map(\.money.discount.fen) == [88, 6])
        #expect(split.moved.map(\.money.discount.fen) == [12, 1])
        #expect(split.kept.map(\.money.net.fen) == [89_392, 41_108])
        #expect(split.moved.map(\.money.net.fen) == [12_245, 5_631])
        #expect(split.kept.map(\.money.unitPrice.fen) == [1234, 567])
        // Order discount: the moved shares 83 + 38 = 121, the rest 879 stays (602 + 277).
        #expect(split.movedOrderDiscount.fen == 121)
        #expect(split.keptOrderDiscount.fen == 879)
        // Freight 800 over nets 130,500 and 17,876 (of 148,376): 104,400,000 / 148,376 = 703 r 91,672 and
        // 14,300,800 / 148,376 = 96 r 56,704 → the spare fen to the order that stays → 704 and 96.
        #expect(split.keptFreight.fen == 704)
        #expect(split.movedFreight.fen == 96)
    }

    @Test("a line moved whole keeps its money as it was; the other line stays untouched")
    func wholeLine() throws {
        let split = try OrderSplit(
            lines: issueLines,
            moves: [SplitMove(lineIndex: 1)],
            discount: Money(fen: 1000),
            freight: Money(fen: 800)
        )

        #expect(split.kept.map(\.lineIndex) == [0])
        #expect(split.kept.map(\.money) == [issueLines[0]])
        #expect(split.moved.map(\.lineIndex) == [1])
        #expect(split.moved.map(\.money) == [issueLines[1]])
        #expect(split.movedOrderDiscount.fen == 315)
        #expect(split.keptOrderDiscount.fen == 685)
        // 800 over 101,637 and 46,739: 81,309,600 / 148,376 = 547 r 147,928; 37,391,200 / 148,376 = 252 r 448 →
        // 548 and 252.
        #expect(split.keptFreight.fen == 548)
        #expect(split.movedFreight.fen == 252)
    }

    @Test(
        "a move that names no line, a line twice, 0 units, more units than the line has, or everything is refused",
        arguments: [
            ([], SplitRefusal.nothingToMove),
            ([SplitMove(lineIndex: 2)], .unknownLine(move: 0)),
            ([SplitMove(lineIndex: 0, quantity: 1), SplitMove(lineIndex: 0, quantity: 2)], .repeatedLine(move: 1)),
            ([SplitMove(lineIndex: 0, quantity: 0)], .quantityOutOfRange(move: 0, available: 83)),
            ([SplitMove(lineIndex: 1, quantity: 84)], .quantityOutOfRange(move: 0, available: 83)),
            ([SplitMove(lineIndex: 1, quantity: -1)], .quantityOutOfRange(move: 0, available: 83)),
            ([SplitMove(lineIndex: 0), SplitMove(lineIndex: 1, quantity: 83)], .wholeOrder),
        ]
    )
    func refusals(moves: [SplitMove], refusal: SplitRefusal) {
        #expect(throws: refusal) {
            try OrderSplit(lines: issueLines, moves: moves, discount: Money(fen: 1000), freight: Money(fen: 800))
        }
    }

    @Test("a line divided into three parts keeps unit price, and its discounts and net sum back")
    func threeParts() {
        // Line discount 100 over 50, 30, 3: 5,000 / 83 = 60 r 20, 3,000 / 83 = 36 r 12, 300 / 83 = 3 r 51 → the
        // spare fen to the 3 → 60, 36, 4. Share 685: 34,250 / 83 = 412 r 54, 20,550 / 83 = 247 r 49,
        // 2,055 / 83 = 24 r 63 → 412, 247, 24 sum 683; the two spare fen to 63 and 54 → 413, 247, 25.
        let parts = issueLines[0].divided(into: [50, 30, 3])

        #expect(parts.map(\.discount.fen) == [60, 36, 4])
        #expect(parts.map(\.orderDiscountShare.fen) == [413, 247, 25])
        // Nets: 50 × 12.34 − 0.60 − 4.13 = 612.27; 30 × 12.34 − 0.36 − 2.47 = 367.37; 3 × 12.34 − 0.04 − 0.25 = 36.73.
        #expect(parts.map(\.net.fen) == [61_227, 36_737, 3_673])
        #expect(parts.map(\.net.fen).reduce(0, +) == 101_637)
    }

    @Test("receivers differing only in surrounding spaces match; otherwise the first differing field is named")
    func receivers() {
        let one = Receiver(
            name: "张示例",
            phone: "13800138000",
            province: "上海",
            city: "上海市",
            district: "黄浦区",
            address: "示例路1号"
        )
        var spaced = one
        spaced.address = " 示例路1号\u{3000}"
        var otherPhone = one
        otherPhone.phone = "13900139000"
        otherPhone.address = "示例路2号"

        #expect(one.firstDifference(from: spaced) == nil)
        #expect(one.firstDifference(from: otherPhone) == "receiver.phone")
    }
}
