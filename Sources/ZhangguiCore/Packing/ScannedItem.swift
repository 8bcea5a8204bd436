import Foundation

/// What one scan or typed word at the packing bench names: a barcode (or SKU code) and how many units, written
/// `BARCODE` for one unit or `BARCODExN` (also `XN` or `×N`) for N. The command line and the web bench both read
/// their words here, so they agree on what `15056BLx99` means.
public struct ScannedItem: Sendable, Equatable {
    public let barcode: String
    public let count: Int64

    public init(barcode: String, count: Int64) {
        self.barcode = barcode
        self.count = count
    }

    /// Reads `word`. A word whose tail after the last `x` is not digits (such as `BOX`) is a barcode of one unit.
    /// - Throws: ``ScannedItemError`` when the count after the mark is zero, too large, or nothing precedes it.
    public init(parsing word: String) throws(ScannedItemError) {
        for mark in ["x", "×", "X"] {
            guard let range = word.range(of: mark, options: .backwards) else { continue }
            let count = word[range.upperBound...]
            guard !count.isEmpty, count.allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
            guard let number = Int64(count), number > 0, range.lowerBound > word.startIndex else {
                throw ScannedItemError(word: word, mark: mark)
            }
            self.init(barcode: String(word[..<range.lowerBound]), count: number)
            return
        }
        self.init(barcode: word, count: 1)
    }
}

/// A scanned word whose count is not a positive number, or that has no barcode before its count.
public struct ScannedItemError: Error, Sendable, Equatable, CustomStringConvertible {
    public let word: String
    public let mark: String

    public var description: String { "item \(word): the count after \(mark) must be a positive number" }
}
