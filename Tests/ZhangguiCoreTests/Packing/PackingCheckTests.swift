import Testing
import ZhangguiCore

@Suite("the packing check compares scans against what a parcel must hold")
struct PackingCheckTests {
    @Test("2×A + 1×B: A, B, A completes it; a third A is too many; C is extra")
    func scans() {
        var check = PackingCheck(wanted: [1: 2, 2: 1])
        #expect(check.scan([1: 1]) == .accepted)
        #expect(
            check.missing == [
                PackingDifference(skuID: 1, wanted: 2, scanned: 1), .init(skuID: 2, wanted: 1, scanned: 0),
            ]
        )
        #expect(check.scan([2: 1]) == .accepted)
        #expect(check.scan([1: 1]) == .accepted)
        #expect(check.isComplete)
        #expect(check.scan([1: 1]) == .tooMany(skuID: 1, wanted: 2, scanned: 3))
        #expect(check.scan([3: 1]) == .extra(skuID: 3))
        #expect(check.scanned == [1: 2, 2: 1])
    }

    @Test("a combo counts as its components, all or nothing")
    func combo() {
        var check = PackingCheck(wanted: [1: 1, 2: 1])
        #expect(check.scan([1: 1, 2: 1]) == .accepted)
        #expect(check.isComplete)
        var partial = PackingCheck(wanted: [1: 1])
        #expect(partial.scan([1: 1, 2: 1]) == .extra(skuID: 2))
        #expect(partial.scanned.isEmpty)
    }
}
