import Testing
import ZhangguiCore

@Suite("a scanned word names a barcode and a count")
struct ScannedItemTests {
    @Test(
        "BARCODExN is N units; a tail that is not digits belongs to the barcode",
        arguments: [
            ("15056BLx99", "15056BL", 99), ("MUG", "MUG", 1), ("MUG×3", "MUG", 3), ("MUGX2", "MUG", 2),
            ("BOX", "BOX", 1), ("6901234567892", "6901234567892", 1), ("AxBx4", "AxB", 4),
        ] as [(String, String, Int64)]
    )
    func reads(word: String, barcode: String, count: Int64) throws {
        #expect(try ScannedItem(parsing: word) == ScannedItem(barcode: barcode, count: count))
    }

    @Test("a count of zero, or a count with no barcode before it, is refused", arguments: ["MUGx0", "x5"])
    func refuses(word: String) {
        #expect(throws: ScannedItemError.self) { try ScannedItem(parsing: word) }
    }
}
